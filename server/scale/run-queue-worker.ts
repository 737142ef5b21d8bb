// Queue mode: the BullMQ worker of a runtime process. Each job claims its run (claim-queued-run.ts) and hands it to
// the runtime, and completes when the drive ends (finished or parked). BullMQ's job lock and the run's lease agree:
// both last `leaseMs`, and a job whose run is leased by a live executor elsewhere (BullMQ saw a stall that the lease
// did not: a long pause, or a job added twice) waits until that lease would expire instead of driving it. So a run
// has one executor at a time whatever BullMQ believes, and a dead worker's run is taken over from its checkpoint.
import { DelayedError, Worker, type Job } from "bullmq";
import type pg from "pg";
import type { TRuntime } from "../runtime/runtime";
import { logger } from "../telemetry/logger";
import { claimQueuedRun, type TRunSlotLimits } from "./claim-queued-run";
import type { TRedisTarget } from "./redis";
import { runQueueOptions, RUN_QUEUE_NAME, type TRunJob, type TRunQueue } from "./run-queue";

/** How long a job whose run could not get a slot (workspace or graph limit) waits before it tries again. */
export const BUSY_RETRY_MS = 500;

export function startRunQueueWorker(options: { redis: TRedisTarget; pool: pg.Pool; runtime: TRuntime; queue: TRunQueue; concurrency: number; leaseMs: number; limits: TRunSlotLimits }) {
  const { pool, runtime, queue, leaseMs, limits } = options;
  const log = logger.child({ component: "run-queue-worker", owner: runtime.owner });

  async function driveJob(job: Job<TRunJob>, token?: string): Promise<string> {
    const { runId } = job.data;
    const claim = await claimQueuedRun(pool, { runId, owner: runtime.owner, leaseMs, limits });
    if (claim.kind === "claimed") {
      const outcome = await runtime.driveClaimed(runId);
      // This process is stopping: hand the run back to the queue for another worker. A broken drive waits its backoff.
      if (outcome === "stopped") queue.enqueueSoon([runId]);
      if (outcome === "error") queue.enqueueSoon([runId], runtime.driveRetryAt(runId));
      return outcome;
    }
    if (claim.kind === "done") return "nothing to do";
    await job.moveToDelayed(claim.kind === "held" ? claim.retryAt : Date.now() + BUSY_RETRY_MS, token);
    throw new DelayedError();
  }

  const worker = new Worker<TRunJob, string>(RUN_QUEUE_NAME, driveJob, {
    ...runQueueOptions(options.redis),
    concurrency: options.concurrency,
    lockDuration: leaseMs,
    stalledInterval: leaseMs,
    // The lease decides who drives a run, not the stall count: a run whose workers keep dying is still taken over.
    maxStalledCount: Number.MAX_SAFE_INTEGER,
  });
  worker.on("error", (error: Error) => log.warn({ err: error }, "run queue worker error"));
  worker.on("failed", (job, error: Error) => log.warn({ err: error, runId: job?.data.runId }, "run job failed; the sweeper enqueues the run again"));
  return {
    /** Takes no new job; jobs of runs being driven finish when their drives end (runtime.stop() ends them). */
    pause: () => worker.pause(true),
    /** Takes jobs: neither paused nor closed. */
    isTakingJobs: () => worker.isRunning() && !worker.isPaused(),
    close: () => worker.close(),
  };
}
