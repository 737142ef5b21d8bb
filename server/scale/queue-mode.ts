// Queue mode (REDIS_URL) for any studio process: studio events bridged across processes, and every run queued here
// (started, approved, triggered, cancelled while parked) enqueued for the workers.
import { studioEvents } from "../events/studio-events";
import type { TDependencyCheck } from "../http/readiness";
import type { TRedisTarget } from "./redis";
import { createRedisReadinessCheck } from "./redis-readiness";
import { createRunQueue, type TRunQueue } from "./run-queue";
import { bridgeStudioEvents } from "./studio-event-bridge";

export type TQueueMode = { redis: TRedisTarget; queue: TRunQueue; readinessChecks: Record<string, TDependencyCheck>; close(): Promise<void> };

export async function startQueueMode(redis: TRedisTarget): Promise<TQueueMode> {
  const bridge = await bridgeStudioEvents(redis);
  const queue = createRunQueue(redis);
  const redisReadiness = createRedisReadinessCheck(redis);
  const stops = [
    studioEvents.on("run.queued", ({ runId }) => queue.enqueueSoon([runId])),
    // A parked run is claimed to be cancelled; a driven one is cancelled by its executor (start-runtime.ts).
    studioEvents.on("run.cancel_requested", ({ runId }) => queue.enqueueSoon([runId])),
  ];
  return {
    redis,
    queue,
    readinessChecks: { redis: redisReadiness.check },
    async close() {
      stops.forEach((stop) => stop());
      redisReadiness.close();
      await queue.close();
      await bridge.close();
    },
  };
}
