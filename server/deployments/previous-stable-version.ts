export type TStableChange = { kind: string; stableVersion: number; candidateVersion: number | null };

/**
 * The version a rollback without a canary goes back to, from a deployment's events oldest first: deploying, promoting
 * or a blue/green switch puts a version on top, a rollback of the stable version (no candidate) or a switch back takes
 * the top off, so rolling back twice goes
 * two versions back instead of flipping between the last two. Null when only one version was ever on top.
 */
export function previousStableVersion(events: TStableChange[]): number | null {
  const stack: number[] = [];
  for (const event of events) {
    if (event.kind === "deployed" || event.kind === "promoted" || event.kind === "switched") {
      if (stack.at(-1) !== event.stableVersion) stack.push(event.stableVersion);
    } else if ((event.kind === "rolled_back" && event.candidateVersion === null) || event.kind === "switched_back") {
      stack.pop();
      if (stack.at(-1) !== event.stableVersion) stack.push(event.stableVersion);
    }
  }
  return stack.at(-2) ?? null;
}
