// postmaster.pid, the lock file Postgres keeps in its data directory: its first line is the postmaster's pid.
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { logger } from "../telemetry/logger";

const SHUTDOWN_WAIT_MS = 30_000;

/**
 * Makes the data directory startable: a postmaster of this directory left running by a killed studio is asked for a
 * fast shutdown (it is our child from that earlier run); a lock file naming any other pid is removed.
 */
export async function clearPostmasterPid(databaseDir: string): Promise<void> {
  const pid = readPostmasterPid(databaseDir);
  if (pid === undefined) return;
  const state = postmasterState(pid, databaseDir);
  if (state === "stale") removePidFile(databaseDir, pid);
  if (state !== "ours") return;
  logger.warn({ pid, databaseDir }, "stopping the embedded postgres left running by an earlier process");
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < SHUTDOWN_WAIT_MS && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Removes postmaster.pid when the pid it names is not a postmaster of this directory. Postgres clears a lock file
 * whose pid is dead by itself, but refuses to start while that pid is alive, and after a kill the pid may already
 * belong to another process of the same user. Removing the file is safe: Postgres still refuses to start while a
 * surviving backend of the old postmaster holds its shared memory.
 */
export function removeStalePidFile(databaseDir: string): void {
  const pid = readPostmasterPid(databaseDir);
  if (pid !== undefined && postmasterState(pid, databaseDir) === "stale") removePidFile(databaseDir, pid);
}

function removePidFile(databaseDir: string, pid: number): void {
  logger.warn({ pid, databaseDir }, "removing a stale postmaster.pid");
  rmSync(path.join(databaseDir, "postmaster.pid"), { force: true });
}

/** The pid in a data dir's `postmaster.pid`; undefined while there is none (a restart has not written it yet). */
export function readPostmasterPid(databaseDir: string): number | undefined {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * "ours": a live postmaster of this directory (it keeps its command line, `postgres -D <dir> ...`; its children rename
 * theirs). "stale": dead, or another process. "unknown": alive, but without /proc (macOS) nothing tells which.
 */
function postmasterState(pid: number, databaseDir: string): "ours" | "stale" | "unknown" {
  let args: string[];
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return isAlive(pid) ? "unknown" : "stale";
  }
  const dirIndex = args.indexOf("-D") + 1;
  return dirIndex > 0 && path.resolve(args[dirIndex] ?? "") === path.resolve(databaseDir) ? "ours" : "stale";
}
