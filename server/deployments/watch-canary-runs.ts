import type { TDb } from "../db/client";
import type { TSeqEvent } from "../runtime/run-store";
import { evaluateCanaryAfterRun } from "./evaluate-canary";
import { settleReplayAfterRun } from "./settle-replay";

const RUN_END_EVENTS = new Set(["run.completed", "run.failed", "run.cancelled"]);

/**
 * The runtime's event hook that judges canaries: every run this process finishes is looked at (the run's status is
 * stored before its end event is emitted, so the comparison counts it). In queue mode each worker judges the runs it
 * drives; finish-canary.ts makes the first decision win across processes. The same hook settles blue/green replays
 * (settle-replay.ts).
 */
export function watchCanaryRuns(db: TDb, onError: (error: unknown, runId: string) => void): (event: TSeqEvent) => void {
  return (event) => {
    if (!RUN_END_EVENTS.has(event.type)) return;
    evaluateCanaryAfterRun(db, event.runId).catch((error: unknown) => onError(error, event.runId));
    settleReplayAfterRun(db, event.runId).catch((error: unknown) => onError(error, event.runId));
  };
}
