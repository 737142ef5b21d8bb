// Readiness: whether this process can serve requests now: its database answers and holds every migration this code was
// built with, and (queue mode, a process that drives runs) Redis answers and the runtime runs. Liveness
// (/api/health) says only that the process runs: an orchestrator restarts a process whose liveness fails, and stops
// routing traffic to one whose readiness fails (the database is down, restarting the studio would not help).
import pg from "pg";
import { describeMissingMigrations } from "../db/committed-migrations";

export type TReadiness = { isReady: boolean; checks: { database: string; migrations: string } & Record<string, string> };

/**
 * Another dependency's check: "ok" or a short reason (queue mode adds Redis: server/scale/redis-readiness.ts; a process
 * that drives runs adds its runtime: start-runtime.ts).
 */
export type TDependencyCheck = (timeoutMs: number) => Promise<string>;

const DEFAULT_TIMEOUT_MS = 2_000;

/**
 * `select 1` over its own connection, bounded by `timeoutMs`. Not through the process pool: the pool has no connect
 * timeout (a check against an unroutable host would hang and keep one of its slots), and a pool busy with runs would
 * read as "not ready". Concurrent checks share one connection attempt.
 */
export function createReadinessCheck(databaseUrl: string, timeoutMs = DEFAULT_TIMEOUT_MS, others: Record<string, TDependencyCheck> = {}): () => Promise<TReadiness> {
  let inFlight: Promise<TReadiness> | undefined;
  const checkAll = async (): Promise<TReadiness> => {
    const names = Object.keys(others);
    const [database, ...results] = await Promise.all([checkDatabase(databaseUrl, timeoutMs), ...names.map((name) => others[name]!(timeoutMs))]);
    const checks = { ...(database as TDatabaseChecks), ...Object.fromEntries(names.map((name, i) => [name, results[i] as string])) };
    return { isReady: Object.values(checks).every((result) => result === "ok"), checks };
  };
  return () => {
    inFlight ??= checkAll().finally(() => (inFlight = undefined));
    return inFlight;
  };
}

type TDatabaseChecks = { database: string; migrations: string };

/**
 * database: "ok", or a short reason without addresses or names (the route is public): a network error code
 * (ECONNREFUSED), Postgres's SQLSTATE (3D000), with its message for the server's own state ("57P03 the database system is
 * starting up"), or "timeout". migrations: "ok", the committed migrations the database lacks (a database restored from
 * an older backup, or migrated back by an older release), or "not checked" while the database does not answer.
 */
async function checkDatabase(databaseUrl: string, timeoutMs: number): Promise<TDatabaseChecks> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  // The server may drop the connection after the check answered; with no listener that error would end the process.
  client.on("error", () => undefined);
  try {
    await client.connect();
    const applied = await client.query<{ name: string }>("select migration_name as name from _prisma_migrations where finished_at is not null and rolled_back_at is null");
    return { database: "ok", migrations: describeMissingMigrations(applied.rows.map((row) => row.name)) };
  } catch (error) {
    const { code, message = "" } = error as { code?: string; message?: string };
    // 42P01, undefined table: the server answers, and no migration was ever applied to this database.
    if (code === "42P01") return { database: "ok", migrations: describeMissingMigrations([]) };
    // Class 57, operator intervention: starting up, shutting down, terminated by an administrator.
    const database = code?.startsWith("57") ? `${code} ${message}` : (code ?? (/timeout/i.test(message) ? "timeout" : "unavailable"));
    return { database, migrations: "not checked" };
  } finally {
    await client.end().catch(() => undefined);
  }
}
