// Redis connections of queue mode. ioredis reconnects by itself; while Redis is away the process logs it once and
// readiness says so (server/http/readiness.ts), it does not exit.
import { Redis } from "ioredis";
import { logger } from "../telemetry/logger";

export type TRedis = Redis;

/** Where queue mode meets: the server, and the prefix of every key and channel (two studios may share one Redis). */
export type TRedisTarget = { url: string; prefix: string };

/** `purpose` names the connection in Redis (CLIENT LIST) and in the log. Commands wait while Redis is away. */
export function connectRedis(target: TRedisTarget, purpose: string): Redis {
  const log = logger.child({ component: "redis", purpose });
  const redis = new Redis(target.url, { connectionName: `${target.prefix}-${purpose}`, maxRetriesPerRequest: null });
  let isDown = false;
  redis.on("error", (error: Error) => {
    if (isDown) return;
    isDown = true;
    log.warn({ err: error }, "Redis is unreachable; retrying");
  });
  redis.on("ready", () => {
    if (isDown) log.info("Redis is back");
    isDown = false;
  });
  return redis;
}

/** Closes without waiting for a Redis that is gone (QUIT would wait for it). */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === "ready") await redis.quit().catch(() => redis.disconnect());
  else redis.disconnect();
}
