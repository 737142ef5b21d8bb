// Integration tests run against a real Postgres: DATABASE_URL's server when set, else an embedded one in .data/.
// Either way each run gets a fresh database, migrated with the committed migrations.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../db/embedded-postgres";
import { migrateDatabase } from "../db/migrate";
import { readEnv } from "../env";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const TEST_PG_PORT = 54339;

export default async function setup(project: TestProject) {
  const env = readEnv();
  const embedded = env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: `${env.dataDir}/test`, port: TEST_PG_PORT });
  const serverUrl = new URL(env.DATABASE_URL ?? embedded!.url);
  const name = `studio_test_${randomBytes(4).toString("hex")}`;

  await withAdminClient(serverUrl, (client) => client.query(`create database "${name}"`));
  const testUrl = new URL(serverUrl);
  testUrl.pathname = `/${name}`;
  await migrateDatabase(testUrl.toString());
  project.provide("databaseUrl", testUrl.toString());

  return async () => {
    await withAdminClient(serverUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
    await embedded?.stop();
  };
}

async function withAdminClient(serverUrl: URL, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl.toString() });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
