// The database of the history benchmark, `history_bench`: on DATABASE_URL's server, else on an embedded Postgres that
// keeps its data in <data>/bench-history between `bench:history:seed` and `bench:history`.
import pg from "pg";
import { startEmbeddedPostgres } from "@/server/db/embedded-postgres";
import { readEnv } from "@/server/env";

export const HISTORY_BENCH_DATABASE = "history_bench";
const EMBEDDED_PORT = 54360;

export async function openHistoryBenchServer(): Promise<{ serverUrl: string; databaseUrl: string; stop: () => Promise<void> }> {
  const env = readEnv();
  const embedded = env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: `${env.dataDir}/bench-history`, port: EMBEDDED_PORT });
  const serverUrl = env.DATABASE_URL ?? embedded!.url;
  const url = new URL(serverUrl);
  url.pathname = `/${HISTORY_BENCH_DATABASE}`;
  return { serverUrl, databaseUrl: url.toString(), stop: async () => embedded?.stop() };
}

export async function recreateHistoryBenchDatabase(serverUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${HISTORY_BENCH_DATABASE}" with (force)`);
    await admin.query(`create database "${HISTORY_BENCH_DATABASE}"`);
  } finally {
    await admin.end();
  }
}
