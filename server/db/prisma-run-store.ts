// The engine's TRunStore on Postgres. One transaction per step (step row + frontier); leases use the database clock
// so that executors on different machines agree on expiry.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { TGraphSpec } from "@/lib/graph";
import { LeaseLostError, type TStepError } from "../runtime/errors";
import type { TFrontier } from "../runtime/frontier/frontier";
import type { TRecording, TRunStore, TStepEffects } from "../runtime/run-store";
import type { TStepStatus } from "../runtime/statuses";
import { createChildRun, resolveParentWait } from "./child-runs";
import { pgPool, type TDb } from "./client";
import { Prisma } from "./generated/client";

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  return value === null || value === undefined ? Prisma.JsonNull : (value as Prisma.InputJsonValue);
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
  return value === null || value === undefined ? null : JSON.stringify(value);
}

// Timestamps are written as UTC wall time, as Prisma stores them in its `timestamp(3)` columns.
const COMMIT_STEP_SQL = `
  WITH held AS (
    UPDATE "Run" SET frontier = $3::jsonb, "heartbeatAt" = now() WHERE id = $1 AND "leaseOwner" = $2 RETURNING id
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

const APPEND_EVENTS_SQL = `
  INSERT INTO "RunEvent" ("runId", seq, type, "nodeId", payload, ts)
  SELECT e."runId", e.seq, e.type, e."nodeId", COALESCE(e.payload, 'null'::jsonb), (e.ts AT TIME ZONE 'UTC')
  FROM jsonb_to_recordset($1::jsonb) AS e("runId" text, seq int, type text, "nodeId" text, payload jsonb, ts timestamptz)
  ON CONFLICT DO NOTHING`;

export function createPrismaRunStore(db: TDb, pool: pg.Pool = pgPool()): TRunStore {
  return {
    async claimRuns({ owner, limit, leaseMs, excludeIds }) {
      const rows = await db.$queryRaw<{ id: string }[]>`
        WITH candidates AS (
          SELECT id FROM "Run"
          WHERE NOT (id = ANY(${excludeIds}::text[]))
            AND ("leaseOwner" IS NULL OR "leaseExpiresAt" < now())
            AND (status IN ('queued', 'running') OR (status = 'waiting' AND ("wakeAt" <= now() OR "cancelRequested")))
          ORDER BY "createdAt"
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        )
        UPDATE "Run" AS r
        SET "leaseOwner" = ${owner}, "leaseExpiresAt" = now() + ${leaseMs} * interval '1 millisecond', "heartbeatAt" = now(),
            status = 'running', "startedAt" = COALESCE(r."startedAt", now())
        FROM candidates WHERE r.id = candidates.id
        RETURNING r.id`;
      return rows.map((row) => row.id);
    },

    async loadRun(runId) {
      const run = await db.run.findUniqueOrThrow({
        where: { id: runId },
        select: {
          id: true,
          workspaceId: true,
          graphId: true,
          status: true,
          spec: true,
          input: true,
          frontier: true,
          cancelRequested: true,
          replayOfRunId: true,
          parentRunId: true,
          forkedFromStepId: true,
          forkInput: true,
        },
      });
      const lastEvent = await db.runEvent.aggregate({ where: { runId }, _max: { seq: true } });
      const { replayOfRunId, parentRunId, forkedFromStepId, forkInput, ...rest } = run;
      const spec = run.spec as TGraphSpec;
      return {
        ...rest,
        spec,
        settings: spec.settings ?? {},
        frontier: run.frontier as TFrontier | null,
        nextEventSeq: (lastEvent._max.seq ?? 0) + 1,
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

    async finishRun({ runId, owner, status, output, error, frontier }) {
      await db.$transaction(async (tx) => {
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
        }
      });
    },

    createChildRun: (options) => createChildRun(db, options),

    async parkRun({ runId, owner, frontier, wakeAt }) {
      const parked = await db.run.updateMany({
        where: { id: runId, leaseOwner: owner },
        data: { status: "waiting", frontier: toJson(frontier), wakeAt, leaseOwner: null, leaseExpiresAt: null },
      });
      if (parked.count === 0) throw new LeaseLostError(`Lease on run ${runId} lost`);
    },

    async renewLeases({ owner, runIds, leaseMs }) {
      const rows = await db.$queryRaw<{ id: string; cancelRequested: boolean }[]>`
        UPDATE "Run" SET "leaseExpiresAt" = now() + ${leaseMs} * interval '1 millisecond', "heartbeatAt" = now()
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
      await pool.query(APPEND_EVENTS_SQL, [JSON.stringify(rows)]);
    },
  };
}
