// Queue mode: run events from the runtime of any process reach the run event hub of every web process, in order.
// A process publishes what one tick emitted as one message on one connection (Redis keeps a connection's order);
// the hub's seq resume and database backfill (realtime/run-stream) cover anything a process missed.
import { randomUUID } from "node:crypto";
import type { TSeqEvent } from "../runtime/run-store";
import { logger } from "../telemetry/logger";
import { closeRedis, connectRedis, type TRedisTarget } from "./redis";

const channelOf = (target: TRedisTarget) => `${target.prefix}:run-events`;

type TEnvelope = { origin: string; events: TSeqEvent[] };

/** The runtime's `onEvent` for a process whose runs may be watched from other processes. */
export function createRunEventPublisher(target: TRedisTarget, origin: string) {
  const log = logger.child({ component: "run-event-relay" });
  const redis = connectRedis(target, "run-events-publish");
  let pending: TSeqEvent[] = [];
  const flush = () => {
    const envelope: TEnvelope = { origin, events: pending };
    pending = [];
    redis.publish(channelOf(target), JSON.stringify(envelope)).catch((error: unknown) => log.warn({ err: error }, "run events not relayed; watchers backfill them from the database"));
  };
  return {
    publish(event: TSeqEvent): void {
      if (pending.length === 0) queueMicrotask(flush);
      pending.push(event);
    },
    close: () => closeRedis(redis),
  };
}

/** Delivers other processes' run events to this process's hub. */
export async function subscribeRunEvents(target: TRedisTarget, origin: string, deliver: (event: TSeqEvent) => void): Promise<{ close(): Promise<void> }> {
  const redis = connectRedis(target, "run-events-subscribe");
  redis.on("message", (_channel: string, raw: string) => {
    const envelope = JSON.parse(raw) as TEnvelope;
    if (envelope.origin !== origin) envelope.events.forEach(deliver);
  });
  await redis.subscribe(channelOf(target));
  return { close: () => closeRedis(redis) };
}

export function newProcessOrigin(): string {
  return randomUUID();
}
