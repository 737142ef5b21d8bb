// One store for every abuse limit, shared by all processes. Postgres by default (`RateLimit`, created by a migration),
// so a restart forgets nothing; in queue mode Redis (`useRedisForLimits`), with the Postgres counters as insurance
// while Redis does not answer. rate-limiter-flexible does the atomic count per key in either store.
import type { Redis } from "ioredis";
import { RateLimiterPostgres, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { pgPool } from "../db/client";

export type TLimiter = RateLimiterAbstract;

let redisStore: { client: Redis; prefix: string } | undefined;

/**
 * Limiters built from now on count in Redis. `client` should not queue commands while Redis is away
 * (`enableOfflineQueue: false`): a refused command falls back to Postgres at once instead of holding a sign-in.
 */
export function useRedisForLimits(store: { client: Redis; prefix: string } | undefined): void {
  redisStore = store;
}

/** `points` per `durationSeconds` per key; keys are namespaced by `name`. Built on first use (after connectDb). */
export function createLimiter(options: { name: string; points: number; durationSeconds: number }): () => TLimiter {
  let limiter: TLimiter | undefined;
  return () => {
    const postgres = () =>
      new RateLimiterPostgres({
        storeClient: pgPool(),
        storeType: "pool",
        tableName: "RateLimit",
        tableCreated: true,
        keyPrefix: options.name,
        points: options.points,
        duration: options.durationSeconds,
      });
    limiter ??= redisStore
      ? new RateLimiterRedis({
          storeClient: redisStore.client,
          rejectIfRedisNotReady: true,
          keyPrefix: `${redisStore.prefix}:limit:${options.name}`,
          points: options.points,
          duration: options.durationSeconds,
          insuranceLimiter: postgres(),
        })
      : postgres();
    return limiter;
  };
}

/** Seconds until the limiter's key frees up, at least 1 (for Retry-After). */
export function secondsUntil(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}
