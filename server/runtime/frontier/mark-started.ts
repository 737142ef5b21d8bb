// Start markers (DESIGN §4 Durability): an effectful activation is saved as started before it runs. An executor that
// takes the run over finds it in `inFlight` with a marker, so it knows the activation may have acted already: it runs
// it again as the next attempt, with the same idempotency key, and keeps the lost attempt in the step's record.
import type { TActivation, TFrontier } from "./frontier";

/**
 * Marks the in-flight activations with the given keys as started by `owner` at `now`. An activation started before
 * (by an executor that lost the run) becomes the next attempt; its earlier start goes to `previousAttempts`.
 */
export function markStarted(frontier: TFrontier, keys: ReadonlySet<string>, owner: string, now: number): TFrontier {
  if (keys.size === 0) return frontier;
  const mark = (activation: TActivation): TActivation => {
    if (!keys.has(activation.key)) return activation;
    const { started } = activation;
    const previousAttempts = started ? [...(activation.previousAttempts ?? []), started] : activation.previousAttempts;
    return { ...activation, started: { attempt: (started?.attempt ?? 0) + 1, startedAt: now, owner }, ...(previousAttempts ? { previousAttempts } : {}) };
  };
  return { ...frontier, inFlight: frontier.inFlight.map(mark) };
}
