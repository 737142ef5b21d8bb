// Run retention: every few minutes, one process of the studio deletes the finished runs each workspace no longer
// keeps, in small batches (one short statement each, a pause between), then the files of their big step values.
// Every process runs a pruner; a Postgres advisory lock lets one pass at a time work and the others skip theirs.
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import { pgPool, type TDb } from "../db/client";
import { removeRunValueFiles } from "../step-values/step-value-files";
import { logger } from "../telemetry/logger";
import { pruneRunBatch } from "./prune-run-batch";

/** Runs deleted per statement: a few hundred rows with their steps and events keep each transaction short. */
const BATCH_SIZE = 200;
/** Between batches, so that a large backlog never holds the database for long. */
const BATCH_PAUSE_MS = 50;
/** The advisory lock's key: one pruning pass at a time across every process on the database. */
const PRUNER_LOCK_KEY = 724_105_611;

export type TPruneOutcome = { kind: "pruned"; runs: number } | { kind: "skipped"; reason: "another pruner is running" };

export type TRunPruner = {
  start(): void;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
  /** One pass over every workspace with a retention. */
  prune(): Promise<TPruneOutcome>;
};

export function createRunPruner(options: { db: TDb; intervalMs: number; pool?: pg.Pool; now?: () => Date; batchSize?: number; batchPauseMs?: number }): TRunPruner {
  const { db, intervalMs } = options;
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const batchPauseMs = options.batchPauseMs ?? BATCH_PAUSE_MS;
  const log = logger.child({ component: "run-pruner" });
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<TPruneOutcome> | undefined;
  let isRunning = false;
  /** stop() ends a pass after its current batch. */
  let isStopping = false;

  async function pruneWorkspaces(): Promise<number> {
    const workspaces = await db.workspace.findMany({ where: { runRetentionDays: { not: null } }, select: { id: true, runRetentionDays: true, failedRunRetentionDays: true } });
    let total = 0;
    for (const workspace of workspaces) {
      const retention = { runDays: workspace.runRetentionDays, failedDays: workspace.failedRunRetentionDays };
      const at = now();
      for (;;) {
        const ids = await pruneRunBatch(db, { workspaceId: workspace.id, retention, now: at, limit: batchSize });
        await removeRunValueFiles(workspace.id, ids);
        total += ids.length;
        if (ids.length > 0) log.info({ workspaceId: workspace.id, runs: ids.length }, "pruned runs");
        if (ids.length < batchSize || isStopping) break;
        await sleep(batchPauseMs);
      }
    }
    return total;
  }

  async function lockedPass(): Promise<TPruneOutcome> {
    // A session lock on one pooled connection, held for the pass: a process that dies mid-pass releases it with its
    // connection.
    const client = await (options.pool ?? pgPool()).connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [PRUNER_LOCK_KEY]);
      if (!rows[0]?.locked) return { kind: "skipped", reason: "another pruner is running" };
      try {
        return { kind: "pruned", runs: await pruneWorkspaces() };
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [PRUNER_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  }

  function prune(): Promise<TPruneOutcome> {
    pass ??= lockedPass().finally(() => (pass = undefined));
    return pass;
  }

  function schedule(): void {
    if (!isRunning) return;
    timer = setTimeout(() => {
      prune()
        .catch((error: unknown) => log.error({ err: error }, "pruning pass failed; retried at the next pass"))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  return {
    start() {
      if (isRunning) return;
      isRunning = true;
      isStopping = false;
      schedule();
      log.info({ intervalMs }, "run pruner started");
    },
    async stop() {
      isRunning = false;
      isStopping = true;
      clearTimeout(timer);
      await pass?.catch(() => undefined);
    },
    prune,
  };
}
