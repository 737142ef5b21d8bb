// Queue mode: abuse limits (sign-in, webhooks) count in Redis, shared by every process; Postgres is the insurance
// store while Redis does not answer (rate-limits/limiter-store.ts). Call before the first request is served.
import { Redis } from "ioredis";
import { useRedisForLimits } from "../rate-limits/limiter-store";
import type { TRedisTarget } from "./redis";

export function countLimitsInRedis(target: TRedisTarget): { ready: Promise<void>; close(): void } {
  const client = new Redis(target.url, { connectionName: `${target.prefix}-limits`, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  client.on("error", () => undefined);
  useRedisForLimits({ client, prefix: target.prefix });
  return {
    /** Until Redis first answers, limits count in Postgres. */
    ready: new Promise<void>((resolve) => client.once("ready", () => resolve())),
    close() {
      useRedisForLimits(undefined);
      client.disconnect();
    },
  };
}
