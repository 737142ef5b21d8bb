import type { TDb } from "../db/client";
import type { TSeqEvent } from "../runtime/run-store";
import { evaluateCanaryAfterRun } from "./evaluate-canary";
import { settleReplayAfterRun } from "./settle-replay";

const RUN_END_EVENTS = new Set(["run.completed", "run.failed", "run.cancelled"]);

/** Run ends looked at together: at most this many per read. */
const MAX_BATCH = 500;

/**
 * The runtime's event hook that judges canaries: every run this process finishes is looked at (the run's status is
 * stored before its end event is emitted, so the comparison counts it). In queue mode each worker judges the runs it
 * drives; finish-canary.ts makes the first decision win across processes. The same hook settles blue/green replays
 * (settle-replay.ts).
 *
 * The runs that end in the same turn of the event loop are read in one statement, which keeps only those of a
 * deployment or a replay: a run outside both costs a share of one read, not a read of its own.
 */
export function watchCanaryRuns(db: TDb, onError: (error: unknown, runId: string) => void): (event: TSeqEvent) => void {
  let ended: string[] = [];

  async function lookAt(runIds: string[]): Promise<void> {
    const rows = await db.$queryRaw<{ id: string; deploymentId: string | null; isReplay: boolean }[]>`
      SELECT r.id, r."deploymentId", (p."replayRunId" IS NOT NULL) AS "isReplay"
      FROM "Run" r LEFT JOIN "DeploymentReplayRun" p ON p."replayRunId" = r.id
      WHERE r.id = ANY(${runIds}::text[]) AND (r."deploymentId" IS NOT NULL OR p."replayRunId" IS NOT NULL)`;
    for (const row of rows) {
      if (row.deploymentId) evaluateCanaryAfterRun(db, row.deploymentId).catch((error: unknown) => onError(error, row.id));
      if (row.isReplay) settleReplayAfterRun(db, row.id).catch((error: unknown) => onError(error, row.id));
    }
  }

  return (event) => {
    if (!RUN_END_EVENTS.has(event.type)) return;
    if (ended.length === 0) {
      setImmediate(() => {
        const batch = ended;
        ended = [];
        for (let at = 0; at < batch.length; at += MAX_BATCH) {
          const runIds = batch.slice(at, at + MAX_BATCH);
          lookAt(runIds).catch((error: unknown) => runIds.forEach((runId) => onError(error, runId)));
        }
      });
    }
    ended.push(event.runId);
  };
}
