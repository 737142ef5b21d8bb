import type { TRunRetention } from "@/lib/runs/run-retention";
import type { TDb } from "../db/client";
import { utcTimestamp } from "../services/run/run-filter";

const DAY_MS = 86_400_000;

/**
 * Deletes up to `limit` finished runs of the workspace that its retention no longer keeps, with their steps and events
 * (cascade), in one short statement; answers their ids. A run is old when it was created and finished before the
 * cutoff; queued, running and waiting runs are never touched, nor a run another transaction holds (SKIP LOCKED).
 */
export async function pruneRunBatch(db: TDb, options: { workspaceId: string; retention: TRunRetention; now: Date; limit: number }): Promise<string[]> {
  const { runDays, failedDays } = options.retention;
  if (runDays === null) return [];
  const runCutoff = utcTimestamp(new Date(options.now.getTime() - runDays * DAY_MS));
  const failedCutoff = utcTimestamp(new Date(options.now.getTime() - (failedDays ?? runDays) * DAY_MS));
  const rows = await db.$queryRaw<{ id: string }[]>`
    DELETE FROM "Run" WHERE id IN (
      SELECT r.id FROM "Run" r
      WHERE r."workspaceId" = ${options.workspaceId} AND r."leaseOwner" IS NULL AND (
        (r.status IN ('succeeded', 'cancelled') AND r."createdAt" < ${runCutoff} AND r."finishedAt" < ${runCutoff})
        OR (r.status = 'failed' AND r."createdAt" < ${failedCutoff} AND r."finishedAt" < ${failedCutoff}))
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  return rows.map((row) => row.id);
}
