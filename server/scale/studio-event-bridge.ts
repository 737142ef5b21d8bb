// Queue mode: studio domain events (graph changes, membership, sessions, keys, cancel requests) cross processes over
// Redis pub/sub, so a socket on any web process follows a change made through any other. Each process delivers to its
// own sockets; its own messages come back from Redis and are dropped by origin.
import { randomUUID } from "node:crypto";
import { studioEvents, type TStudioEventName, type TStudioEvents } from "../events/studio-events";
import { logger } from "../telemetry/logger";
import { closeRedis, connectRedis, type TRedisTarget } from "./redis";


/** Handled where it is emitted: that process enqueues the run once (server/scale/run-queue.ts). */
const LOCAL_ONLY = new Set<TStudioEventName>(["run.queued"]);

type TEnvelope = { origin: string; name: TStudioEventName; event: TStudioEvents[TStudioEventName] };

export async function bridgeStudioEvents(target: TRedisTarget): Promise<{ close(): Promise<void> }> {
  const log = logger.child({ component: "studio-event-bridge" });
  const origin = randomUUID();
  const channel = `${target.prefix}:events`;
  const publisher = connectRedis(target, "events-publish");
  const subscriber = connectRedis(target, "events-subscribe");
  subscriber.on("message", (_channel: string, raw: string) => {
    const envelope = JSON.parse(raw) as TEnvelope;
    if (envelope.origin !== origin) studioEvents.receive(envelope.name, envelope.event);
  });
  await subscriber.subscribe(channel);
  studioEvents.setForwarder((name, event) => {
    if (LOCAL_ONLY.has(name)) return;
    const envelope: TEnvelope = { origin, name, event };
    publisher.publish(channel, JSON.stringify(envelope)).catch((error: unknown) => log.error({ err: error, name }, "event not sent to the other processes"));
  });
  return {
    async close() {
      studioEvents.setForwarder(undefined);
      await Promise.all([closeRedis(subscriber), closeRedis(publisher)]);
    },
  };
}
