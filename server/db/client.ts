import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { logger } from "../telemetry/logger";
import { PrismaClient } from "./generated/client";

export type TDb = PrismaClient;
export type TTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
/** A service accepts either the client or an open transaction. */
export type TDbOrTx = TDb | TTx;

let client: PrismaClient | undefined;
let pool: pg.Pool | undefined;

/**
 * Connects the process-wide Prisma client over a pg pool this module owns. Called once at start-up (server/main.ts)
 * and by test setup. The runtime's hot writes use the same pool directly (db/prisma-run-store.ts).
 */
export function connectDb(databaseUrl: string): PrismaClient {
  if (client) throw new Error("The database client is already connected");
  pool = createDbPool(databaseUrl);
  client = new PrismaClient({ adapter: new PrismaPg(pool) });
  return client;
}

/**
 * A pg pool that outlives a database restart: an idle connection dropped by the server (restart, failover, the
 * embedded Postgres killed and restarted by its watchdog) must not take the process down. The pool discards it and
 * the next query opens a new one; a query running at that moment fails and the runtime retries its run.
 */
export function createDbPool(databaseUrl: string): pg.Pool {
  const created = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  // Message and code only: the error object carries the whole pg client (config, buffers) as enumerable fields.
  created.on("error", (error) => logger.warn({ code: (error as { code?: string }).code, reason: error.message }, "an idle database connection was closed by the server"));
  return created;
}

/** The pool under Prisma, for the few single-statement hot paths where Prisma's per-query cost dominates. */
export function pgPool(): pg.Pool {
  if (!pool) throw new Error("The database client is not connected yet (connectDb was not called)");
  return pool;
}

export function db(): PrismaClient {
  if (!client) throw new Error("The database client is not connected yet (connectDb was not called)");
  return client;
}

export async function disconnectDb(): Promise<void> {
  await client?.$disconnect();
  await pool?.end();
  client = undefined;
  pool = undefined;
}
