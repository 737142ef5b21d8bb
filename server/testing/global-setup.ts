// Integration tests run against a real Postgres: DATABASE_URL's server when set, else an embedded one in .data/.
// Either way each run gets a fresh database, migrated with the committed migrations.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../db/embedded-postgres";
import { migrateDatabase } from "../db/migrate";
import { readEnv } from "../env";
import { findFreePort } from "./free-port";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const env = readEnv();
  // A throwaway cluster per run (about 2 s to initialise): runs in two checkouts, or two at once, stay independent.
  const embeddedDir = env.DATABASE_URL ? undefined : mkdtempSync(path.join(tmpdir(), "studio-test-pg-"));
  // As root, embedded-postgres runs Postgres as the `postgres` user, which must be able to enter the folder.
  if (embeddedDir) chmodSync(embeddedDir, 0o755);
  const embedded = embeddedDir ? await startEmbeddedPostgres({ dataDir: embeddedDir, port: await findFreePort() }) : undefined;
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
    if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
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
