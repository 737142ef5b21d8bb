// The one way a Run row is made: it takes its graph's next run number (#1, #2, ...) in the transaction that inserts
// it. Runs are created at once from many places (people, webhooks, schedules, sub-graph steps, replays, forks, other
// processes), so the number comes from a counter row, never from "the highest number + 1".
import type { TDbOrTx, TTx } from "./client";
import type { Prisma } from "./generated/client";

export type TNewRun = Omit<Prisma.RunUncheckedCreateInput, "number">;

/**
 * Moves the graph's counter on by `count` and answers the first number of that block. The UPDATE holds the graph's
 * row lock until the transaction ends, so a concurrent creator waits and then reads the moved counter (numbers never
 * repeat), and a creation that rolls back (a duplicate idempotency key, a failed insert) gives its numbers back.
 */
export async function takeRunNumbers(tx: TTx, graphId: string, count = 1): Promise<number> {
  const [row] = await tx.$queryRaw<{ lastRunNumber: number }[]>`
    UPDATE "Graph" SET "lastRunNumber" = "lastRunNumber" + ${count} WHERE id = ${graphId} RETURNING "lastRunNumber"`;
  if (!row) throw new Error(`Graph ${graphId} does not exist: a run cannot be numbered`);
  return row.lastRunNumber - count + 1;
}

/** Inserts a run with the next number of its graph: in `db`'s transaction when it is one, else in one of its own. */
export async function insertRun<S extends Prisma.RunSelect>(db: TDbOrTx, data: TNewRun, select: S): Promise<Prisma.RunGetPayload<{ select: S }>> {
  const insert = async (tx: TTx) => {
    const number = await takeRunNumbers(tx, data.graphId);
    return tx.run.create({ data: { ...data, number }, select }) as Promise<Prisma.RunGetPayload<{ select: S }>>;
  };
  return "$transaction" in db ? db.$transaction(insert) : insert(db);
}
