// The engine's TRunStore on Postgres. One transaction per step (step row + frontier); leases use the database clock
// so that executors on different machines agree on expiry.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { TGraphSpec } from "@/lib/graph";
import { LeaseLostError, type TStepError } from "../runtime/errors";
import type { TFrontier } from "../runtime/frontier/frontier";
import type { TRecording, TRunStore, TStepEffects } from "../runtime/run-store";
import type { TRunStatus, TStepStatus } from "../runtime/statuses";
import { createChildRun, createToolRun, getRunResult, resolveParentWait } from "./child-runs";
import { pgPool, type TDb } from "./client";
import { Prisma } from "./generated/client";
import { toJsonbText, toJsonbValue } from "./jsonb-safe";

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  return value === null || value === undefined ? Prisma.JsonNull : (toJsonbValue(value) as Prisma.InputJsonValue);
}

async function loadRecording(
  db: TDb,
  run: { replayOfRunId: string | null; parentRunId: string | null; forkedFromStepId: string | null; forkInput: unknown },
): Promise<TRecording | null> {
  const sourceRunId = run.replayOfRunId ?? (run.forkedFromStepId ? run.parentRunId : null);
  if (!sourceRunId) return null;
  const rows = await db.runStep.findMany({ where: { runId: sourceRunId }, select: { id: true, key: true, nodeId: true, status: true, output: true, error: true, effects: true } });
  const steps: TRecording["steps"] = {};
  for (const row of rows) {
    steps[row.key] = { status: row.status as TStepStatus, output: row.output, error: row.error as TStepError | null, effects: (row.effects ?? { now: [], random: [] }) as TStepEffects };
  }
  const forkStep = run.forkedFromStepId ? rows.find((row) => row.id === run.forkedFromStepId) : undefined;
  return {
    mode: run.replayOfRunId ? "replay" : "fork",
    sourceRunId,
    steps,
    fork: forkStep ? { nodeId: forkStep.nodeId, key: forkStep.key, input: (run.forkInput ?? {}) as Record<string, unknown> } : null,
  };
}

/** JSON for a jsonb parameter; null and undefined become SQL NULL. */
function toJsonText(value: unknown): string | null {
  return value === null || value === undefined ? null : toJsonbText(value);
}

// Timestamps are written and compared as UTC wall time (`now() AT TIME ZONE 'UTC'`), as Prisma stores them in its
// `timestamp(3)` columns, whatever the server's TimeZone setting.
const COMMIT_STEP_SQL = `
  WITH held AS (
    UPDATE "Run" SET frontier = $3::jsonb, "heartbeatAt" = (now() AT TIME ZONE 'UTC') WHERE id = $1 AND "leaseOwner" = $2 RETURNING id
  )
  INSERT INTO "RunStep" (id, "runId", seq, key, "nodeId", scope, attempt, status, input, output, error, effects, usage, "startedAt", "finishedAt")
  SELECT $4, held.id, $5, $6, $7, $8::jsonb, $9, $10, $11::jsonb, $12::jsonb, $13::jsonb, $14::jsonb, $15::jsonb,
         ($16::timestamptz AT TIME ZONE 'UTC'), ($17::timestamptz AT TIME ZONE 'UTC')
  FROM held
  ON CONFLICT ("runId", seq) DO UPDATE SET
    key = EXCLUDED.key, "nodeId" = EXCLUDED."nodeId", scope = EXCLUDED.scope, attempt = EXCLUDED.attempt,
    status = EXCLUDED.status, input = EXCLUDED.input, output = EXCLUDED.output, error = EXCLUDED.error,
    effects = EXCLUDED.effects, usage = EXCLUDED.usage, "startedAt" = EXCLUDED."startedAt", "finishedAt" = EXCLUDED."finishedAt"
  RETURNING "runId"`;

const SAVE_FRONTIER_SQL = `
  UPDATE "Run" SET frontier = $3::jsonb, "heartbeatAt" = (now() AT TIME ZONE 'UTC') WHERE id = $1 AND "leaseOwner" = $2 RETURNING id`;

// Oldest first; SKIP LOCKED lets several executors claim at once without waiting on each other. A lease already held
// by this owner and not in excludeIds (the runs it drives now) is one whose drive ended while the database was down
// (the release failed too): taken back at once instead of after the lease time. A gateway recording
// (lib/runs/run-triggers.ts) is never the engine's: its recorder holds it and the gateway sweep ends it.
const CLAIM_RUNS_SQL = `
  WITH candidates AS (
    SELECT id FROM "Run"
    WHERE NOT (id = ANY($1::text[]))
      AND ("leaseOwner" IS NULL OR "leaseOwner" = $3 OR "leaseExpiresAt" < (now() AT TIME ZONE 'UTC'))
      AND (status IN ('queued', 'running') OR (status = 'waiting' AND ("wakeAt" <= (now() AT TIME ZONE 'UTC') OR "cancelRequested")))
      AND trigger <> 'openclaw-gateway'
    ORDER BY "createdAt"
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  )
  UPDATE "Run" AS r
  SET "leaseOwner" = $3, "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') + $4 * interval '1 millisecond',
      "heartbeatAt" = (now() AT TIME ZONE 'UTC'), status = 'running', "startedAt" = COALESCE(r."startedAt", (now() AT TIME ZONE 'UTC'))
  FROM candidates WHERE r.id = candidates.id
  RETURNING r.id`;

const LOAD_RUN_SQL = `
  SELECT id, "workspaceId", "graphId", status::text AS status, spec, input, frontier, "cancelRequested", "startNodeId",
         (extract(epoch FROM "startedAt") * 1000)::float8 AS "startedAt",
         "replayOfRunId", "parentRunId", "forkedFromStepId", "forkInput", "traceId", "parentSpanId",
         COALESCE((SELECT max(seq) FROM "RunEvent" WHERE "runId" = $1), 0)::int AS "lastSeq"
  FROM "Run" WHERE id = $1`;

type TRunRow = {
  id: string;
  workspaceId: string;
  graphId: string;
  status: string;
  spec: TGraphSpec;
  input: unknown;
  frontier: TFrontier | null;
  cancelRequested: boolean;
  startNodeId: string | null;
  /** UTC wall time as epoch ms (the column has no time zone; reading it as a Date would apply the process's zone). */
  startedAt: number | null;
  replayOfRunId: string | null;
  parentRunId: string | null;
  forkedFromStepId: string | null;
  forkInput: unknown;
  traceId: string | null;
  parentSpanId: string | null;
  lastSeq: number;
};

const FINISH_TOP_LEVEL_RUN_SQL = `
  UPDATE "Run" SET status = $3::"RunStatus", output = $4::jsonb, error = $5::jsonb, frontier = $6::jsonb, usage = $7::jsonb,
    "finishedAt" = (now() AT TIME ZONE 'UTC'), "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "wakeAt" = NULL
  WHERE id = $1 AND "leaseOwner" = $2 AND "parentStepSeq" IS NULL
  RETURNING id`;

const APPEND_EVENTS_SQL = `
  INSERT INTO "RunEvent" ("runId", seq, type, "nodeId", payload, ts)
  SELECT e."runId", e.seq, e.type, e."nodeId", COALESCE(e.payload, 'null'::jsonb), (e.ts AT TIME ZONE 'UTC')
  FROM jsonb_to_recordset($1::jsonb) AS e("runId" text, seq int, type text, "nodeId" text, payload jsonb, ts timestamptz)
  ON CONFLICT DO NOTHING`;

export function createPrismaRunStore(db: TDb, pool: pg.Pool = pgPool()): TRunStore {
  return {
    async claimRuns({ owner, limit, leaseMs, excludeIds }) {
      const { rows } = await pool.query<{ id: string }>(CLAIM_RUNS_SQL, [excludeIds, limit, owner, leaseMs]);
      return rows.map((row) => row.id);
    },

    async loadRun(runId) {
      const { rows } = await pool.query<TRunRow>(LOAD_RUN_SQL, [runId]);
      const run = rows[0];
      if (!run) throw new Error(`Run ${runId} not found`);
      const { replayOfRunId, parentRunId, forkedFromStepId, forkInput, lastSeq, traceId, parentSpanId, ...rest } = run;
      return {
        ...rest,
        trace: traceId ? { traceId, parentSpanId } : null,
        status: run.status as TRunStatus,
        settings: run.spec.settings ?? {},
        nextEventSeq: lastSeq + 1,
        recording: await loadRecording(db, { replayOfRunId, parentRunId, forkedFromStepId, forkInput }),
      };
    },

    // One statement, so one implicit transaction: the lease check, the checkpoint and the step row commit together.
    async commitStep({ runId, owner, step, frontier }) {
      const result = await pool.query<{ runId: string }>(COMMIT_STEP_SQL, [
        runId,
        owner,
        toJsonText(frontier),
        randomUUID(),
        step.seq,
        step.key,
        step.nodeId,
        toJsonText(step.scope),
        step.attempt,
        step.status,
        toJsonText(step.input),
        toJsonText(step.output),
        toJsonText(step.error),
        toJsonText(step.effects),
        toJsonText(step.usage),
        step.startedAt.toISOString(),
        step.finishedAt.toISOString(),
      ]);
      if (result.rowCount === 0) throw new LeaseLostError(`Lease on run ${runId} lost`);
    },

    async saveFrontier({ runId, owner, frontier }) {
      const result = await pool.query(SAVE_FRONTIER_SQL, [runId, owner, toJsonText(frontier)]);
      if (result.rowCount === 0) throw new LeaseLostError(`Lease on run ${runId} lost`);
    },

    async finishRun({ runId, owner, status, output, error, frontier }) {
      const values = [runId, owner, status, toJsonText(output), toJsonText(error), toJsonText(frontier), toJsonText(frontier.usage)];
      // The common case, a run no Sub-graph step waits for, is one statement.
      const finished = await pool.query(FINISH_TOP_LEVEL_RUN_SQL, values);
      if (finished.rowCount === 1) return { resumedParentRunId: null };
      // A child run (or a lost lease): its end must also resolve the parent's wait, in the same transaction.
      return db.$transaction(async (tx) => {
        const done = await tx.run.updateMany({
          where: { id: runId, leaseOwner: owner },
          data: {
            status,
            output: toJson(output),
            error: toJson(error),
            frontier: toJson(frontier),
            usage: toJson(frontier.usage),
            finishedAt: new Date(),
            leaseOwner: null,
            leaseExpiresAt: null,
            wakeAt: null,
          },
        });
        if (done.count === 0) throw new LeaseLostError(`Lease on run ${runId} lost`);
        const run = await tx.run.findUniqueOrThrow({ where: { id: runId }, select: { parentRunId: true, parentStepSeq: true } });
        if (run.parentRunId && run.parentStepSeq !== null) {
          await resolveParentWait(tx, { parentRunId: run.parentRunId, parentStepSeq: run.parentStepSeq }, { status, output, error });
          return { resumedParentRunId: run.parentRunId };
        }
        return { resumedParentRunId: null };
      });
    },

    createChildRun: (options) => createChildRun(db, options),
    createToolRun: (options) => createToolRun(db, options),
    getRunResult: (runId) => getRunResult(db, runId),

    async parkRun({ runId, owner, frontier, wakeAt }) {
      const parked = await db.run.updateMany({
        where: { id: runId, leaseOwner: owner },
        data: { status: "waiting", frontier: toJson(frontier), wakeAt, leaseOwner: null, leaseExpiresAt: null },
      });
      if (parked.count === 0) throw new LeaseLostError(`Lease on run ${runId} lost`);
    },

    async renewLeases({ owner, runIds, leaseMs }) {
      const rows = await db.$queryRaw<{ id: string; cancelRequested: boolean }[]>`
        UPDATE "Run" SET "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') + ${leaseMs} * interval '1 millisecond', "heartbeatAt" = (now() AT TIME ZONE 'UTC')
        WHERE id = ANY(${runIds}::text[]) AND "leaseOwner" = ${owner}
        RETURNING id, "cancelRequested"`;
      const held = new Set(rows.map((row) => row.id));
      return { lost: runIds.filter((id) => !held.has(id)), cancelRequested: rows.filter((row) => row.cancelRequested).map((row) => row.id) };
    },

    async releaseLeases({ owner, runIds }) {
      await db.run.updateMany({ where: { id: { in: runIds }, leaseOwner: owner }, data: { leaseOwner: null, leaseExpiresAt: null } });
    },

    async appendEvents(events) {
      const rows = events.map((event) => ({ runId: event.runId, seq: event.seq, type: event.type, nodeId: event.nodeId, payload: event.payload ?? null, ts: new Date(event.ts).toISOString() }));
      await pool.query(APPEND_EVENTS_SQL, [toJsonbText(rows)]);
    },
  };
}
