// The one way a Run row is made. Runs are created at once from many places (people, webhooks, schedules, sub-graph
// steps, replays, forks, other processes); each takes its graph's next run number (#1, #2, ...) from a counter row,
// never from "the highest number + 1". The database does that in the INSERT itself (trigger "Run_take_number",
// migration 20261206110000_run_number_on_insert): one statement, in the caller's transaction when there is one, so a
// creation that rolls back (a duplicate idempotency key, a failed insert) gives its number back.
import { pgPool, type TDbOrTx } from "./client";
import { Prisma } from "./generated/client";
import { toJsonbText } from "./jsonb-safe";
import { newRowId } from "./row-id";

export type TNewRun = Omit<Prisma.RunUncheckedCreateInput, "number">;

export async function insertRun<S extends Prisma.RunSelect>(db: TDbOrTx, data: TNewRun, select: S): Promise<Prisma.RunGetPayload<{ select: S }>> {
  return db.run.create({ data, select }) as Promise<Prisma.RunGetPayload<{ select: S }>>;
}

export type TQueuedRunRow = {
  workspaceId: string;
  graphId: string;
  graphVersionId: string;
  /** The validated spec as JSON text (jsonb-safe), shared by every run of a prepared version. */
  specJson: string;
  trigger: string;
  input: unknown;
  idempotencyKey: string | null;
  startNodeId: string | null;
  environmentId: string | null;
  deploymentId: string | null;
  deploymentArm: string | null;
  trace?: { traceId: string; parentSpanId: string | null };
};

const QUEUED_RUN_COLUMNS = `id, "workspaceId", "graphId", "graphVersionId", spec, trigger, input, "idempotencyKey", "startNodeId", "createdAt",
  "environmentId", "deploymentId", "deploymentArm", "traceId", "parentSpanId"`;
const PARAMS_PER_RUN = 14;
/** Rows per statement: the graph's number row is locked once for all of them. */
const MAX_BATCH = 100;

function valuesOf(index: number): string {
  const p = (n: number) => `$${index * PARAMS_PER_RUN + n}`;
  return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}::jsonb, ${p(6)}, ${p(7)}::jsonb, ${p(8)}, ${p(9)}, (now() AT TIME ZONE 'UTC'), ${p(10)}, ${p(11)}, ${p(12)},
    COALESCE(${p(13)}, replace(gen_random_uuid()::text, '-', '')), ${p(14)})`;
}

function paramsOf(id: string, row: TQueuedRunRow): unknown[] {
  const { trace } = row;
  return [id, row.workspaceId, row.graphId, row.graphVersionId, row.specJson, row.trigger, toJsonbText(row.input), row.idempotencyKey, row.startNodeId,
    row.environmentId, row.deploymentId, row.deploymentArm, trace?.traceId ?? null, trace?.parentSpanId ?? null];
}

async function insertRows(rows: { id: string; row: TQueuedRunRow }[]): Promise<void> {
  await pgPool().query(`INSERT INTO "Run" (${QUEUED_RUN_COLUMNS}) VALUES ${rows.map((_row, index) => valuesOf(index)).join(", ")}`, rows.flatMap(({ id, row }) => paramsOf(id, row)));
}

type TWaiting = { id: string; row: TQueuedRunRow; resolve: () => void; reject: (error: unknown) => void };
const waiting: TWaiting[] = [];
let isInserting = false;

/**
 * Group commit of run creation: while one INSERT is on its way, the runs that arrive meanwhile wait and then go in
 * the next one together. One lone run goes at once, so nothing waits when there is no burst. A batch that fails is
 * tried again run by run, so each caller gets its own answer (a graph deleted meanwhile fails only its runs).
 */
async function insertWaiting(): Promise<void> {
  isInserting = true;
  while (waiting.length > 0) {
    const batch = waiting.splice(0, MAX_BATCH);
    try {
      await insertRows(batch);
      batch.forEach((entry) => entry.resolve());
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else await Promise.all(batch.map((entry) => insertRows([entry]).then(entry.resolve, entry.reject)));
    }
  }
  isInserting = false;
}

/**
 * The same row `insertRun` makes, for a run of an already prepared version, straight on the pg pool: the webhook's
 * hot path, where Prisma's per-query work was most of the cost. The number comes from the same trigger, in the same
 * statement. Runs without an idempotency key are grouped with others arriving at the same moment (`insertWaiting`);
 * one with a key goes alone, and a repeated key fails with Postgres's unique violation (`isUniqueViolation`).
 */
export async function insertQueuedRun(row: TQueuedRunRow): Promise<{ id: string }> {
  const id = newRowId();
  if (row.idempotencyKey !== null) {
    await insertRows([{ id, row }]);
    return { id };
  }
  const inserted = new Promise<void>((resolve, reject) => waiting.push({ id, row, resolve, reject }));
  if (!isInserting) void insertWaiting();
  await inserted;
  return { id };
}

/** A unique violation from either client: Prisma's P2002 or Postgres's 23505 through the pg pool. */
export function isUniqueViolation(error: unknown): boolean {
  return (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") || (error as { code?: unknown } | null)?.code === "23505";
}
