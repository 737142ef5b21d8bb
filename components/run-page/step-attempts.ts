// A step that was re-executed after a takeover: its executor stopped (a crash, a lost lease) after starting it, and
// another executor ran it again with the same idempotency key. The step's record keeps the lost attempts
// (`effects.previousAttempts`, written by the runtime); this lists them beside the attempt that counted.

export type TStepAttempt = {
  attempt: number;
  startedAt: number;
  finishedAt?: number;
  /** The executor (process) that ran it. */
  owner?: string;
  isLost: boolean;
};

type TLostAttempt = { attempt?: unknown; startedAt?: unknown; owner?: unknown };

/** Oldest first: the lost attempts, then the step's own; empty for a step that ran only where it started. */
export function listStepAttempts(effects: unknown, step: { attempt: number; startedAt: number; finishedAt?: number }): TStepAttempt[] {
  const lost = (effects as { previousAttempts?: unknown } | null)?.previousAttempts;
  if (!Array.isArray(lost) || lost.length === 0) return [];
  const earlier = (lost as TLostAttempt[]).flatMap((entry) =>
    typeof entry?.attempt === "number" && typeof entry.startedAt === "number"
      ? [{ attempt: entry.attempt, startedAt: entry.startedAt, owner: typeof entry.owner === "string" ? entry.owner : undefined, isLost: true }]
      : [],
  );
  return [...earlier, { attempt: step.attempt, startedAt: step.startedAt, finishedAt: step.finishedAt, isLost: false }];
}
