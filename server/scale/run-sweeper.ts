// Queue mode safety net: every few seconds, runs that need an executor and may have no job get one (an enqueue lost
// while Redis was away, a worker that died and gave its lease up to time, a parked run due, a cancel request for a
// parked run). Every runtime process sweeps; jobs are deduplicated by run id, so sweeping twice costs nothing more.
import type pg from "pg";
import { logger } from "../telemetry/logger";
import { findRunsWithoutExecutor } from "./claim-queued-run";
import type { TRunQueue } from "./run-queue";

export function startRunSweeper(options: { pool: pg.Pool; queue: TRunQueue; everyMs: number; graceMs: number }) {
  const log = logger.child({ component: "run-sweeper" });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isStopped = false;
  let current: Promise<void> = Promise.resolve();

  async function sweep(): Promise<void> {
    try {
      const runIds = await findRunsWithoutExecutor(options.pool, { graceMs: options.graceMs, limit: 500 });
      if (runIds.length > 0) {
        await options.queue.enqueue(runIds);
        log.debug({ count: runIds.length }, "enqueued runs without an executor");
      }
    } catch (error) {
      log.warn({ err: error }, "sweep failed; trying again");
    } finally {
      if (!isStopped) timer = setTimeout(() => (current = sweep()), options.everyMs);
    }
  }

  timer = setTimeout(() => (current = sweep()), options.everyMs);
  return {
    async stop(): Promise<void> {
      isStopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
