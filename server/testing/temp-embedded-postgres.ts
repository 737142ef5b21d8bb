// An embedded Postgres of a test's own, in a temp dir on a free port, for tests that kill or break it.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type TEmbeddedPostgresOptions } from "../db/embedded-postgres";
import { readPostmasterPid } from "../db/postmaster-pid";
import { findFreePort } from "./free-port";

export async function createTempEmbeddedPostgres(options: Pick<TEmbeddedPostgresOptions, "onFatal" | "restart"> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "studio-temp-pg-"));
  // As root, Postgres runs as the `postgres` user, which must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  const port = await findFreePort();
  const databaseDir = path.join(dataDir, "pg");
  return {
    dataDir,
    databaseDir,
    port,
    start: () => startEmbeddedPostgres({ dataDir, port, ...options }),
    /** The running postmaster's pid; undefined for the moment a restart has no lock file yet. */
    postmasterPid: (): number | undefined => readPostmasterPid(databaseDir),
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
