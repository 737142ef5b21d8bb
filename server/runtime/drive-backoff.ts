// A run whose drive broke outside any step (the store refused a write, a bug in the engine) is not driven again at
// once: each break in a row doubles its wait, up to `maxMs`, so one broken run cannot spin a process in a claim loop.
// A drive that ends any other way (finished, parked, stopped) clears the run's count.

export type TDriveBackoff = ReturnType<typeof createDriveBackoff>;

export function createDriveBackoff(options: { baseMs: number; maxMs: number; now: () => number }) {
  const failures = new Map<string, { count: number; retryAt: number }>();

  return {
    /** Records a broken drive; returns when the run may be driven again (ms since epoch). */
    failed(runId: string): number {
      const count = (failures.get(runId)?.count ?? 0) + 1;
      const retryAt = options.now() + Math.min(options.maxMs, options.baseMs * 2 ** (count - 1));
      failures.set(runId, { count, retryAt });
      return retryAt;
    },
    /** When the run may be driven again after its last broken drive; undefined when its last drive did not break. */
    retryAt(runId: string): number | undefined {
      return failures.get(runId)?.retryAt;
    },
    succeeded(runId: string): void {
      failures.delete(runId);
    },
    /** Runs still waiting out their backoff; entries long past their wait (the run went on elsewhere) are dropped. */
    waiting(): string[] {
      const now = options.now();
      const waiting: string[] = [];
      for (const [runId, failure] of failures) {
        if (failure.retryAt > now) waiting.push(runId);
        else if (now - failure.retryAt > options.maxMs) failures.delete(runId);
      }
      return waiting;
    },
  };
}
