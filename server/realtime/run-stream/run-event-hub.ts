// In-process fan-out of run events from the runtime to subscribers, plus a short per-run memory of recent events.
// The event writer persists in batches (every ~20 ms), so an event can be live here before it is in the database:
// a subscriber backfills from the database and then from this memory, so nothing falls between the two.
import type { TSeqEvent } from "../../runtime/run-store";

export const RECENT_EVENTS_PER_RUN = 2_000;
/** How long a finished run's recent events stay (a late subscriber may still need the unflushed tail). */
export const RECENT_RETENTION_MS = 60_000;
/** A run that stops publishing without a final event (its lease moved to another process) is forgotten after this. */
export const IDLE_RETENTION_MS = 10 * 60_000;

/** How often the memory is swept at most: a sweep walks every remembered run, and under load runs end by the hundred. */
const SWEEP_EVERY_MS = 1_000;

type TListener = (event: TSeqEvent) => void;

const FINAL_TYPES = new Set(["run.completed", "run.failed", "run.cancelled", "run.waiting"]);

export type TRunEventHub = ReturnType<typeof createRunEventHub>;

export function createRunEventHub(options: { now?: () => number } = {}) {
  const now = options.now ?? Date.now;
  const listeners = new Map<string, Set<TListener>>();
  const recent = new Map<string, { events: TSeqEvent[]; endedAt?: number; lastAt: number }>();
  let lastSweep = 0;

  function forgetOld(): void {
    const at = now();
    lastSweep = at;
    for (const [runId, entry] of recent) {
      if ((entry.endedAt !== undefined && entry.endedAt < at - RECENT_RETENTION_MS) || entry.lastAt < at - IDLE_RETENTION_MS) recent.delete(runId);
    }
  }

  return {
    publish(event: TSeqEvent): void {
      const entry = recent.get(event.runId) ?? { events: [], lastAt: now() };
      entry.lastAt = now();
      entry.events.push(event);
      if (entry.events.length > RECENT_EVENTS_PER_RUN) entry.events.splice(0, entry.events.length - RECENT_EVENTS_PER_RUN);
      entry.endedAt = FINAL_TYPES.has(event.type) ? now() : undefined;
      recent.set(event.runId, entry);
      for (const listener of listeners.get(event.runId) ?? []) listener(event);
      if (entry.lastAt - lastSweep >= SWEEP_EVERY_MS) forgetOld();
    },
    /** Events of the run still in memory with seq > afterSeq, in seq order. */
    recentAfter(runId: string, afterSeq: number): TSeqEvent[] {
      return (recent.get(runId)?.events ?? []).filter((event) => event.seq > afterSeq);
    },
    subscribe(runId: string, listener: TListener): () => void {
      const set = listeners.get(runId) ?? new Set();
      set.add(listener);
      listeners.set(runId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(runId);
      };
    },
    listenerCount(runId: string): number {
      return listeners.get(runId)?.size ?? 0;
    },
  };
}
