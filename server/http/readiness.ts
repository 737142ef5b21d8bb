// Readiness: whether this process can serve requests now, which means whether its database answers. Liveness
// (/api/health) says only that the process runs: an orchestrator restarts a process whose liveness fails, and stops
// routing traffic to one whose readiness fails (the database is down, restarting the studio would not help).
import pg from "pg";

export type TReadiness = { isReady: boolean; checks: { database: string } };

const DEFAULT_TIMEOUT_MS = 2_000;

/**
 * `select 1` over its own connection, bounded by `timeoutMs`. Not through the process pool: the pool has no connect
 * timeout (a check against an unroutable host would hang and keep one of its slots), and a pool busy with runs would
 * read as "not ready". Concurrent checks share one connection attempt.
 */
export function createReadinessCheck(databaseUrl: string, timeoutMs = DEFAULT_TIMEOUT_MS): () => Promise<TReadiness> {
  let inFlight: Promise<TReadiness> | undefined;
  return () => {
    inFlight ??= checkDatabase(databaseUrl, timeoutMs)
      .then((database) => ({ isReady: database === "ok", checks: { database } }))
      .finally(() => (inFlight = undefined));
    return inFlight;
  };
}

/**
 * "ok", or a short reason without addresses or names (the route is public): a network error code (ECONNREFUSED),
 * Postgres's SQLSTATE (3D000), with its message for the server's own state ("57P03 the database system is starting
 * up"), or "timeout".
 */
async function checkDatabase(databaseUrl: string, timeoutMs: number): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  // The server may drop the connection after the check answered; with no listener that error would end the process.
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return "ok";
  } catch (error) {
    const { code, message = "" } = error as { code?: string; message?: string };
    // Class 57, operator intervention: starting up, shutting down, terminated by an administrator.
    if (code?.startsWith("57")) return `${code} ${message}`;
    return code ?? (/timeout/i.test(message) ? "timeout" : "unavailable");
  } finally {
    await client.end().catch(() => undefined);
  }
}
