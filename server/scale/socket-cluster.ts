// Queue mode: socket.io's Redis streams adapter, so rooms span every web process (presence of a graph opened through
// different processes, connection state recovery across a reconnect). Studio and run events do not use it: each web
// process receives them (studio-event-bridge.ts, run-event-relay.ts) and delivers to its own sockets.
import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { Redis } from "ioredis";
import { logger } from "../telemetry/logger";
import { closeRedis, connectRedis, type TRedisTarget } from "./redis";

export function createSocketClusterAdapter(target: TRedisTarget) {
  const redis = withHandledCommands(connectRedis(target, "socket-cluster"));
  return { adapter: createAdapter(redis, { streamName: `${target.prefix}:socket.io`, channelPrefix: `${target.prefix}:socket.io`, sessionKeyPrefix: `${target.prefix}:socket.io:session:`, onlyPlaintext: true }), close: () => closeRedis(redis) };
}

/**
 * The adapter sends some commands without awaiting them: SUBSCRIBE on the client it duplicates, PUBLISH and SET on
 * ours. A client disconnected with commands pending (the adapter drops its duplicate when socket.io closes; a process
 * that stops right after starting) rejects them with "Connection is closed", and an unhandled rejection ends a Node
 * process. Every command of these clients gets a handler, so such a rejection is logged; where the adapter awaits a
 * command it still sees the error.
 */
function withHandledCommands(redis: Redis): Redis {
  const log = logger.child({ component: "redis", purpose: "socket-cluster" });
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = ((...args: Parameters<Redis["sendCommand"]>) => {
    const reply = send(...args);
    if (reply instanceof Promise) reply.catch((error: Error) => log.debug({ err: error, command: args[0].name }, "socket.io adapter command failed"));
    return reply;
  }) as Redis["sendCommand"];
  const duplicate = redis.duplicate.bind(redis);
  redis.duplicate = (override) => withHandledCommands(duplicate(override));
  return redis;
}
