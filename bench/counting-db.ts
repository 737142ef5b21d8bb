// A Prisma client over a pg pool that counts the statements it sends, by first keyword (BEGIN, COMMIT, UPDATE, ...):
// the round trips the run store costs, measured at the driver. Same pool size as server/db/client.ts (10).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/server/db/generated/client";

type TQuery = (config: unknown, ...rest: unknown[]) => unknown;

export type TCountingDb = {
  db: PrismaClient;
  /** The pool under `db`: the run store's single-statement hot paths use it directly, as in the studio. */
  pool: pg.Pool;
  /** Statements sent, by first keyword. */
  statements(): Record<string, number>;
  /** Transactions as the driver sees them: each COMMIT or ROLLBACK, and each statement sent outside BEGIN ... COMMIT. */
  transactions(): number;
  close(): Promise<void>;
};

export function connectCountingDb(url: string): TCountingDb {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // pool.end() resolves before its clients' sockets are closed, so DROP DATABASE ... WITH (FORCE) can still end one of
  // their backends; without a listener of our own (the adapter's goes at $disconnect) that 'error' would crash us.
  pool.on("error", (error) => {
    if (!pool.ended) process.stderr.write(`idle pool client: ${error.message}\n`);
  });
  const counts: Record<string, number> = {};
  let transactions = 0;
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as TQuery;
    let isInTransaction = false;
    const counted: TQuery = (config, ...rest) => {
      const text = typeof config === "string" ? config : ((config as { text?: string }).text ?? "");
      const verb = text.trimStart().split(/\s/, 1)[0]!.toUpperCase();
      counts[verb] = (counts[verb] ?? 0) + 1;
      if (verb === "BEGIN") isInTransaction = true;
      else if (verb === "COMMIT" || verb === "ROLLBACK") {
        isInTransaction = false;
        transactions++;
      } else if (!isInTransaction) transactions++;
      return query(config, ...rest);
    };
    Object.assign(client, { query: counted });
  });
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    db,
    pool,
    statements: () => ({ ...counts }),
    transactions: () => transactions,
    // The adapter does not end a pool it was given; ending it closes the backends, which flushes their statistics.
    async close() {
      await db.$disconnect();
      await pool.end();
    },
  };
}

/** `after - before` per key, without zeros. */
export function diffCounts(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const diff: Record<string, number> = {};
  for (const [key, value] of Object.entries(after)) if (value !== (before[key] ?? 0)) diff[key] = value - (before[key] ?? 0);
  return diff;
}
