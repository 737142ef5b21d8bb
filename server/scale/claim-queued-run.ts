// Queue mode: a worker claims the one run a job names, with the same lease rules as the polling runtime
// (db/prisma-run-store.ts): free, its own, or expired. Run limits per workspace and per graph hold across every
// worker: the claim counts the runs leased now under a per-workspace advisory lock, so two workers cannot both take
// the last slot. A run waiting in process on a child run (a Sub-graph tool) holds no slot, as in the polling runtime.
import type pg from "pg";

export type TRunSlotLimits = { perWorkspace?: number; perGraph?: number };

/** Why a job's run was not claimed: what the job should do next. */
export type TClaimOutcome =
  | { kind: "claimed" }
  | { kind: "done" }
  | { kind: "held"; retryAt: number }
  | { kind: "busy" };

const NOW = `(now() AT TIME ZONE 'UTC')`;

const CLAIMABLE = `
  ("leaseOwner" IS NULL OR "leaseOwner" = $2 OR "leaseExpiresAt" < ${NOW})
  AND (status IN ('queued', 'running') OR (status = 'waiting' AND ("wakeAt" <= ${NOW} OR "cancelRequested")))
  AND trigger <> 'openclaw-gateway'`;

const HOLDING_SLOT = `
  o.id <> $1 AND o.status = 'running' AND o."leaseExpiresAt" > ${NOW} AND o.trigger <> 'openclaw-gateway'
  AND NOT EXISTS (SELECT 1 FROM "Run" c WHERE c."parentRunId" = o.id AND c.status IN ('queued', 'running', 'waiting'))`;

const CLAIM_SQL = `
  UPDATE "Run" AS r
  SET "leaseOwner" = $2, "leaseExpiresAt" = ${NOW} + $3 * interval '1 millisecond', "heartbeatAt" = ${NOW},
      status = 'running', "startedAt" = COALESCE(r."startedAt", ${NOW})
  WHERE r.id = $1 AND ${CLAIMABLE}
    AND ($4::int IS NULL OR (SELECT count(*) FROM "Run" o WHERE o."workspaceId" = r."workspaceId" AND ${HOLDING_SLOT}) < $4)
    AND ($5::int IS NULL OR (SELECT count(*) FROM "Run" o WHERE o."graphId" = r."graphId" AND ${HOLDING_SLOT}) < $5)
  RETURNING r.id`;

const DESCRIBE_SQL = `
  SELECT status::text AS status, "leaseOwner", "cancelRequested",
         (extract(epoch FROM "leaseExpiresAt" - ${NOW}) * 1000)::float8 AS "leaseLeftMs",
         (extract(epoch FROM "wakeAt" - ${NOW}) * 1000)::float8 AS "wakeInMs"
  FROM "Run" WHERE id = $1`;

type TDescribed = { status: string; leaseOwner: string | null; cancelRequested: boolean; leaseLeftMs: number | null; wakeInMs: number | null };

export async function claimQueuedRun(
  pool: pg.Pool,
  options: { runId: string; owner: string; leaseMs: number; limits: TRunSlotLimits; now?: () => number },
): Promise<TClaimOutcome> {
  const { runId, owner, leaseMs, limits } = options;
  const now = options.now ?? Date.now;
  const params = [runId, owner, leaseMs, limits.perWorkspace ?? null, limits.perGraph ?? null];
  const claimed = limits.perWorkspace || limits.perGraph ? await claimUnderSlotLock(pool, params) : (await pool.query(CLAIM_SQL, params)).rowCount === 1;
  if (claimed) return { kind: "claimed" };
  const { rows } = await pool.query<TDescribed>(DESCRIBE_SQL, [runId]);
  const run = rows[0];
  if (!run || ["succeeded", "failed", "cancelled"].includes(run.status)) return { kind: "done" };
  // Parked until a decision or a later time: its wake-up gets its own job (queue-dispatching-store.ts, run.queued).
  if (run.status === "waiting" && !run.cancelRequested && (run.wakeInMs === null || run.wakeInMs > 0)) return { kind: "done" };
  if (run.leaseOwner && run.leaseOwner !== owner && run.leaseLeftMs !== null && run.leaseLeftMs > 0) return { kind: "held", retryAt: now() + run.leaseLeftMs + 100 };
  return { kind: "busy" };
}

async function claimUnderSlotLock(pool: pg.Pool, params: unknown[]): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('studio-run-slots:' || "workspaceId")) FROM "Run" WHERE id = $1`, [params[0]]);
    const result = await client.query(CLAIM_SQL, params);
    await client.query("COMMIT");
    return result.rowCount === 1;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const STALE_SQL = `
  SELECT id FROM "Run"
  WHERE ((status = 'queued' AND "createdAt" < ${NOW} - $1 * interval '1 millisecond' AND ("leaseOwner" IS NULL OR "leaseExpiresAt" < ${NOW}))
     OR (status = 'running' AND ("leaseOwner" IS NULL OR "leaseExpiresAt" < ${NOW}))
     OR (status = 'waiting' AND ("wakeAt" <= ${NOW} - $1 * interval '1 millisecond' OR "cancelRequested")))
    AND trigger <> 'openclaw-gateway'
  ORDER BY "createdAt"
  LIMIT $2`;

/**
 * Runs that need an executor and may have no job: queued longer than `graceMs` (their enqueue was lost), running
 * without a live lease (their worker died or gave up), parked and due for longer than `graceMs`, or parked with a
 * cancel request. Adding a job for one that has one is harmless: jobs are deduplicated by run id.
 */
export async function findRunsWithoutExecutor(pool: pg.Pool, options: { graceMs: number; limit: number }): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(STALE_SQL, [options.graceMs, options.limit]);
  return rows.map((row) => row.id);
}
