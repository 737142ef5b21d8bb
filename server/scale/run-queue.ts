// Queue mode dispatch on BullMQ. A job names one run that needs an executor; Postgres leases stay the authority on
// who drives it. Jobs are deduplicated by run id (at most one waiting and one active per run: a run queued again
// while its job is active, e.g. approved as its drive parks, gets one more job after it), so adding a job is always
// safe and cheap.
import { Queue, type JobsOptions } from "bullmq";
import { logger } from "../telemetry/logger";
import type { TRedisTarget } from "./redis";

export const RUN_QUEUE_NAME = "runs";

export type TRunJob = { runId: string };

/** BullMQ's connection and key prefix for the run queue. */
export function runQueueOptions(target: TRedisTarget) {
  return { connection: { url: target.url, maxRetriesPerRequest: null, connectionName: `${target.prefix}-run-queue` }, prefix: target.prefix };
}

function jobOptions(runId: string, delayMs: number): JobsOptions {
  return {
    delay: Math.max(0, Math.round(delayMs)),
    // reschedule: a run parked until later and queued now (approved, cancelled) moves its delayed job to now.
    deduplication: { id: runId, keepLastIfActive: true, reschedule: true },
    removeOnComplete: true,
    removeOnFail: 1_000,
  };
}

export type TRunQueue = ReturnType<typeof createRunQueue>;

export function createRunQueue(target: TRedisTarget) {
  const log = logger.child({ component: "run-queue" });
  const queue = new Queue<TRunJob>(RUN_QUEUE_NAME, runQueueOptions(target));
  queue.on("error", (error: Error) => log.warn({ err: error }, "run queue error"));
  /** Asks for an executor for each run, at once or at `at` (epoch ms). */
  async function enqueue(runIds: string[], at?: number): Promise<void> {
    if (runIds.length === 0) return;
    const delayMs = at === undefined ? 0 : at - Date.now();
    await queue.addBulk(runIds.map((runId) => ({ name: "drive", data: { runId }, opts: jobOptions(runId, delayMs) })));
  }
  return {
    enqueue,
    /** Enqueues without waiting; a failure is logged and the sweeper (run-sweeper.ts) adds the job later. */
    enqueueSoon(runIds: string[], at?: number): void {
      enqueue(runIds, at).catch((error: unknown) => log.warn({ err: error, runIds }, "run not enqueued now; the sweeper retries"));
    },
    async counts(): Promise<{ waiting: number; active: number; delayed: number }> {
      const counts = await queue.getJobCounts("waiting", "active", "delayed");
      return { waiting: counts.waiting ?? 0, active: counts.active ?? 0, delayed: counts.delayed ?? 0 };
    },
    close: () => queue.close(),
  };
}
