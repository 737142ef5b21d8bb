// The engine's TRunStore on Postgres. One transaction per step (step row + frontier); leases use the database clock
// so that executors on different machines agree on expiry.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { readGraphDocument } from "@/lib/graph";
import type { TStepValues } from "@/lib/run-values/step-value-field";
import { LeaseLostError, type TStepError } from "../runtime/errors";
import type { TFrontier } from "../runtime/frontier/frontier";
import type { TRecording, TRunStore, TStepEffects, TStepRecord } from "../runtime/run-store";
import type { TRunStatus, TStepStatus } from "../runtime/statuses";
import { createChildRun, createToolRun, getRunResult, resolveParentWait } from "./child-runs";
import { pgPool, type TDb } from "./client";
import { Prisma } from "./generated/client";
import { pluginSetSql } from "./plugin-set-sql";
import { mayHoldFileValues, moveLargeValuesToFiles, readStepValueFiles } from "../step-values/step-value-files";
import { toJsonbText, toJsonbValue } from "./jsonb-safe";

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  return value === null || value === undefined ? Prisma.JsonNull : (toJsonbValue(value) as Prisma.InputJsonValue);
}

async function loadRecording(
  db: TDb,
  run: { replayOfRunId: string | null; parentRunId: string | null; forkedFromStepId: string | null; forkInput: unknown; replayLiveCalls: boolean | null },
): Promise<TRecording | null> {
  const sourceRunId = run.replayOfRunId ?? (run.forkedFromStepId ? run.parentRunId : null);
  if (!sourceRunId) return null;
  // A replay through another version compares each step's input with the recorded one (cross-version-directives.ts).
  const isCrossVersion = run.replayOfRunId !== null && run.replayLiveCalls !== null;
  const stored = await db.runStep.findMany({ where: { runId: sourceRunId }, select: { id: true, key: true, nodeId: true, status: true, output: true, error: true, effects: true, input: isCrossVersion } });
  const rows = await Promise.all(stored.map(readStepValueFiles));
  const steps: TRecording["steps"] = {};
  for (const row of rows) {
    steps[row.key] = {
      status: row.status as TStepStatus,
      output: row.output,
      error: row.error as TStepError | null,
      effects: (row.effects ?? { now: [], random: [] }) as TStepEffects,
      ...(isCrossVersion ? { input: row.input } : {}),
    };
  }
  const crossVersion = isCrossVersion
    ? { sourceSpec: readGraphDocument((await db.run.findUniqueOrThrow({ where: { id: sourceRunId }, select: { spec: true } })).spec), allowsLiveCalls: run.replayLiveCalls === true }
    : null;
  const forkStep = run.forkedFromStepId ? rows.find((row) => row.id === run.forkedFromStepId) : undefined;
  return {
    mode: run.replayOfRunId ? "replay" : "fork",
    sourceRunId,
    steps,
    fork: forkStep ? { nodeId: forkStep.nodeId, key: forkStep.key, input: (run.forkInput ?? {}) as Record<string, unknown> } : null,
    crossVersion,
  };
}

/**
 * The JSON text of a step's value columns. A value over 256 KB goes to a file and the column keeps its reference
 * (server/step-values/): only then is the run's workspace looked up, for the file's folder.
 */
async function stepColumnTexts(pool: pg.Pool, runId: string, step: TStepValues & { seq: number }): Promise<Record<keyof TStepValues, string | null>> {
  const texts = { input: toJsonText(step.input), output: toJsonText(step.output), error: toJsonText(step.error), effects: toJsonText(step.effects) };
  if (!mayHoldFileValues(Object.values(texts))) return texts;
  const { rows } = await pool.query<{ workspaceId: string }>(`SELECT "workspaceId" FROM "Run" WHERE id = $1`, [runId]);
  if (!rows[0]) throw new Error(`Run ${runId} not found`);
  const stored = await moveLargeValuesToFiles(step, { workspaceId: rows[0].workspaceId, runId, seq: step.seq });
  return { input: toJsonText(stored.input), output: toJsonText(stored.output), error: toJsonText(stored.error), effects: toJsonText(stored.effects) };
}

/** JSON for a jsonb parameter; null and undefined become SQL NULL. */
function toJsonText(value: unknown): string | null {
  return value === null || value === undefined ? null : toJsonbText(value);
}

// Timestamps are written and compared as UTC wall time (`now() AT TIME ZONE 'UTC'`), as Prisma stores them in its
// `timestamp(3)` columns, whatever the server's TimeZone setting.
// The steps arrive as parallel arrays, one element per step, so a batch of any size is one statement. `held` is the
// run's row when this owner still leases it: no row, no step.
const INSERT_STEPS_FROM_HELD = `
  INSERT INTO "RunStep" (id, "runId", seq, key, "nodeId", scope, attempt, status, input, output, error, effects, usage, "startedAt", "finishedAt")
  SELECT s.id, held.id, s.seq, s.key, s."nodeId", s.scope, s.attempt, s.status, s.input, s.output, s.error, s.effects, s.usage,
         (s."startedAt" AT TIME ZONE 'UTC'), (s."finishedAt" AT TIME ZONE 'UTC')
  FROM held, unnest($4::text[], $5::int[], $6::text[], $7::text[], $8::jsonb[], $9::int[], $10::text[], $11::jsonb[], $12::jsonb[],
                    $13::jsonb[], $14::jsonb[], $15::jsonb[], $16::timestamptz[], $17::timestamptz[])
       AS s(id, seq, key, "nodeId", scope, attempt, status, input, output, error, effects, usage, "startedAt", "finishedAt")
  ON CONFLICT ("runId", seq) DO UPDATE SET
    key = EXCLUDED.key, "nodeId" = EXCLUDED."nodeId", scope = EXCLUDED.scope, attempt = EXCLUDED.attempt,
    status = EXCLUDED.status, input = EXCLUDED.input, output = EXCLUDED.output, error = EXCLUDED.error,
    effects = EXCLUDED.effects, usage = EXCLUDED.usage, "startedAt" = EXCLUDED."startedAt", "finishedAt" = EXCLUDED."finishedAt"`;

const COMMIT_STEPS_SQL = `
  WITH held AS (
    UPDATE "Run" SET frontier = $3::jsonb, "heartbeatAt" = (now() AT TIME ZONE 'UTC') WHERE id = $1 AND "leaseOwner" = $2 RETURNING id
  )
  ${INSERT_STEPS_FROM_HELD}
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

const LOAD_RUNS_SQL = `
  SELECT r.id, r."workspaceId", r."graphId", r."environmentId", r.status::text AS status, r.spec, r.input, r.frontier, r."cancelRequested", r."startNodeId",
         (extract(epoch FROM r."startedAt") * 1000)::float8 AS "startedAt",
         r."replayOfRunId", r."parentRunId", r."forkedFromStepId", r."forkInput", r."replayLiveCalls", r."traceId", r."parentSpanId",
         COALESCE((SELECT max(seq) FROM "RunEvent" WHERE "runId" = r.id), 0)::int AS "lastSeq",
         COALESCE(r."graphVersionId", 'draft:' || r.id) || '|' || ${pluginSetSql(`r."workspaceId"`)} AS "nodeTypesKey"
  FROM "Run" r WHERE r.id = ANY($1::text[])`;

type TRunRow = {
  id: string;
  workspaceId: string;
  graphId: string;
  environmentId: string | null;
  status: string;
  /** The snapshot in the format of the studio that started the run; read in the current one. */
  spec: unknown;
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
  replayLiveCalls: boolean | null;
  traceId: string | null;
  parentSpanId: string | null;
  lastSeq: number;
  nodeTypesKey: string;
};

// The run's end and its unwritten steps ($4-$17 as in COMMIT_STEPS_SQL; the run's values follow) in one statement.
const FINISH_TOP_LEVEL_RUN_SQL = `
  WITH held AS (
    UPDATE "Run" SET status = $18::"RunStatus", output = $19::jsonb, error = $20::jsonb, frontier = $3::jsonb, usage = $21::jsonb,
      "finishedAt" = (now() AT TIME ZONE 'UTC'), "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "wakeAt" = NULL
    WHERE id = $1 AND "leaseOwner" = $2 AND "parentStepSeq" IS NULL
    RETURNING id
  ), steps AS (
    ${INSERT_STEPS_FROM_HELD}
  )
  SELECT id FROM held`;

const APPEND_EVENTS_SQL = `
  INSERT INTO "RunEvent" ("runId", seq, type, "nodeId", payload, ts)
  SELECT e."runId", e.seq, e.type, e."nodeId", COALESCE(e.payload, 'null'::jsonb), (e.ts AT TIME ZONE 'UTC')
  FROM jsonb_to_recordset($1::jsonb) AS e("runId" text, seq int, type text, "nodeId" text, payload jsonb, ts timestamptz)
  ON CONFLICT DO NOTHING`;

/**
 * $4-$17 of COMMIT_STEPS_SQL and FINISH_TOP_LEVEL_RUN_SQL: one array per column, one element per step; values over
 * the file threshold are written to files first and stored as references.
 */
async function stepColumns(pool: pg.Pool, runId: string, steps: TStepRecord[]): Promise<unknown[]> {
  const values = await Promise.all(steps.map((step) => stepColumnTexts(pool, runId, step)));
  const column = <T>(pick: (step: TStepRecord) => T) => steps.map(pick);
  return [
    steps.map(() => randomUUID()),
    column((step) => step.seq),
    column((step) => step.key),
    column((step) => step.nodeId),
    column((step) => toJsonText(step.scope)),
    column((step) => step.attempt),
    column((step) => step.status),
    values.map((texts) => texts.input),
    values.map((texts) => texts.output),
    values.map((texts) => texts.error),
    values.map((texts) => texts.effects),
    column((step) => toJsonText(step.usage)),
    column((step) => step.startedAt.toISOString()),
    column((step) => step.finishedAt.toISOString()),
  ];
}

export function createPrismaRunStore(db: TDb, pool: pg.Pool = pgPool()): TRunStore {
  const commitSteps: TRunStore["commitSteps"] = async ({ runId, owner, steps, frontier }) => {
    const result = await pool.query<{ runId: string }>(COMMIT_STEPS_SQL, [runId, owner, toJsonText(frontier), ...(await stepColumns(pool, runId, steps))]);
    if (result.rowCount === 0) throw new LeaseLostError(`Lease on run ${runId} lost`);
  };

  return {
    async claimRuns({ owner, limit, leaseMs, excludeIds }) {
      const { rows } = await pool.query<{ id: string }>(CLAIM_RUNS_SQL, [excludeIds, limit, owner, leaseMs]);
      return rows.map((row) => row.id);
    },

    async loadRuns(runIds) {
      const { rows } = await pool.query<TRunRow>(LOAD_RUNS_SQL, [runIds]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      const found = runIds.flatMap((runId) => byId.get(runId) ?? []);
      return Promise.all(
        found.map(async (run) => {
          const { replayOfRunId, parentRunId, forkedFromStepId, forkInput, replayLiveCalls, lastSeq, traceId, parentSpanId, spec: storedSpec, ...rest } = run;
          const spec = readGraphDocument(storedSpec);
          return {
            ...rest,
            spec,
            trace: traceId ? { traceId, parentSpanId } : null,
            status: run.status as TRunStatus,
            settings: spec.settings ?? {},
            nextEventSeq: lastSeq + 1,
            recording: await loadRecording(db, { replayOfRunId, parentRunId, forkedFromStepId, forkInput, replayLiveCalls }),
          };
        }),
      );
    },

    // One statement, so one implicit transaction: the lease check, the checkpoint and the step rows commit together.
    commitSteps,

    async saveFrontier({ runId, owner, frontier }) {
      const result = await pool.query(SAVE_FRONTIER_SQL, [runId, owner, toJsonText(frontier)]);
      if (result.rowCount === 0) throw new LeaseLostError(`Lease on run ${runId} lost`);
    },

    async finishRun({ runId, owner, status, output, error, frontier, steps = [] }) {
      const values = [runId, owner, toJsonText(frontier), ...(await stepColumns(pool, runId, steps)), status, toJsonText(output), toJsonText(error), toJsonText(frontier.usage)];
      // The common case, a run no Sub-graph step waits for, is one statement, its last steps included.
      const finished = await pool.query(FINISH_TOP_LEVEL_RUN_SQL, values);
      if (finished.rowCount === 1) return { resumedParentRunId: null };
      // A child run (or a lost lease): its steps first, then its end resolves the parent's wait in one transaction.
      if (steps.length > 0) await commitSteps({ runId, owner, steps, frontier });
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
