// An embedded Postgres of a test's own, in a temp dir on a free port, for tests that kill or break it.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type TEmbeddedPostgresOptions } from "../db/embedded-postgres";
import { findFreePort } from "./free-port";

export async function createTempEmbeddedPostgres(options: Pick<TEmbeddedPostgresOptions, "onFatal" | "restart"> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "studio-temp-pg-"));
  // As root, Postgres runs as the `postgres` user, which must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  const port = await findFreePort();
  const databaseDir = path.join(dataDir, "pg");
  const pidFile = path.join(databaseDir, "postmaster.pid");
  return {
    dataDir,
    databaseDir,
    port,
    start: () => startEmbeddedPostgres({ dataDir, port, ...options }),
    /** The running postmaster's pid; undefined for the moment a restart has no lock file yet. */
    postmasterPid: (): number | undefined => (existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[0]) : undefined),
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
