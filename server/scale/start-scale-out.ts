// Queue mode for a web process (STUDIO_PROCESS web or all): the queue and event bridge, other processes' run events
// into this process's hub, this process's run events (when it drives runs too) out to the others, and the socket.io
// cluster adapter; sign-in and webhook limits count in Redis. Nothing without REDIS_URL: the single-process studio is
// unchanged.
import type { TRunEventHub } from "../realtime/run-stream/run-event-hub";
import type { TSeqEvent } from "../runtime/run-store";
import type { TEnv } from "../env";
import { startQueueMode } from "./queue-mode";
import { countLimitsInRedis } from "./redis-limits";
import { createRunEventPublisher, newProcessOrigin, subscribeRunEvents } from "./run-event-relay";
import { createSocketClusterAdapter } from "./socket-cluster";

export async function startScaleOut(config: Pick<TEnv, "redis">, runEvents: TRunEventHub) {
  if (!config.redis) return undefined;
  const queueMode = await startQueueMode(config.redis);
  const origin = newProcessOrigin();
  const incoming = await subscribeRunEvents(config.redis, origin, runEvents.publish);
  const outgoing = createRunEventPublisher(config.redis, origin);
  const socketCluster = createSocketClusterAdapter(config.redis);
  const limits = countLimitsInRedis(config.redis);
  return {
    queueMode,
    socketAdapter: socketCluster.adapter,
    publishRunEvent(event: TSeqEvent): void {
      runEvents.publish(event);
      outgoing.publish(event);
    },
    async close(): Promise<void> {
      limits.close();
      await Promise.all([incoming.close(), outgoing.close(), socketCluster.close()]);
      await queueMode.close();
    },
  };
}
