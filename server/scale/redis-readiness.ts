// Readiness in queue mode: Redis answers PING within the probe's time. Its own connection, without an offline queue,
// so a probe during an outage fails at once instead of waiting for a reconnect; the process stays up and becomes
// ready again by itself when Redis is back (ioredis keeps reconnecting).
import { Redis } from "ioredis";
import type { TDependencyCheck } from "../http/readiness";
import type { TRedisTarget } from "./redis";

export function createRedisReadinessCheck(target: TRedisTarget): { check: TDependencyCheck; close(): void } {
  const redis = new Redis(target.url, { connectionName: `${target.prefix}-readiness`, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 2_000 });
  redis.on("error", () => undefined);
  return {
    async check(timeoutMs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
      const ping = redis.ping().then(
        (answer) => (answer === "PONG" ? "ok" : "unavailable"),
        (error: { code?: string }) => error.code ?? "unavailable",
      );
      try {
        return await Promise.race([ping, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => redis.disconnect(),
  };
}
