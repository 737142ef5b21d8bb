// The one way a Run row is made. Runs are created at once from many places (people, webhooks, schedules, sub-graph
// steps, replays, forks, other processes); each takes its graph's next run number (#1, #2, ...) from a counter row,
// never from "the highest number + 1". The database does that in the INSERT itself (trigger "Run_take_number",
// migration 20261206110000_run_number_on_insert): one statement, in the caller's transaction when there is one, so a
// creation that rolls back (a duplicate idempotency key, a failed insert) gives its number back.
import type { TDbOrTx } from "./client";
import type { Prisma } from "./generated/client";

export type TNewRun = Omit<Prisma.RunUncheckedCreateInput, "number">;

export async function insertRun<S extends Prisma.RunSelect>(db: TDbOrTx, data: TNewRun, select: S): Promise<Prisma.RunGetPayload<{ select: S }>> {
  return db.run.create({ data, select }) as Promise<Prisma.RunGetPayload<{ select: S }>>;
}
