// A fresh, migrated database for one benchmark run on DATABASE_URL's server, else an embedded Postgres in
// <data>/bench; `drop()` removes it (and stops the embedded server) at the end.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/server/db/embedded-postgres";
import { migrateDatabase } from "@/server/db/migrate";
import { readEnv } from "@/server/env";

export async function createThrowawayDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const env = readEnv();
  const embedded = env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: `${env.dataDir}/bench`, port: 54359 });
  const serverUrl = env.DATABASE_URL ?? embedded!.url;
  const name = `studio_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
    await embedded?.stop();
  };
  try {
    await migrateDatabase(url.toString());
  } catch (error) {
    await drop();
    throw error;
  }
  return { url: url.toString(), drop };
}
