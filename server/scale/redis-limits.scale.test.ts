import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createLimiter } from "../rate-limits/limiter-store";
import { countLimitsInRedis } from "./redis-limits";
import { newRedisTarget, TEST_REDIS_URL } from "./testing/queue-mode-harness";

const rowsOf = (key: string) => db().$queryRaw<{ key: string }[]>`SELECT key FROM "RateLimit" WHERE key LIKE ${`%${key}`}`;

describe("abuse limits in queue mode", () => {
  let limits: ReturnType<typeof countLimitsInRedis> | undefined;
  afterEach(() => limits?.close());

  it("count in Redis, shared by every limiter of that name, and say when to retry", async () => {
    const target = newRedisTarget();
    limits = countLimitsInRedis(target);
    await limits.ready;
    const name = `webhook-${randomUUID().slice(0, 6)}`;
    const [one, other] = [createLimiter({ name, points: 2, durationSeconds: 60 }), createLimiter({ name, points: 2, durationSeconds: 60 })];
    await one().consume("trigger-1");
    await other().consume("trigger-1");
    const refused = (await other().consume("trigger-1").catch((rejection: unknown) => rejection)) as { msBeforeNext: number };
    expect(refused.msBeforeNext).toBeGreaterThan(50_000);
    const redis = new Redis(TEST_REDIS_URL);
    expect(Number(await redis.get(`${target.prefix}:limit:${name}:trigger-1`))).toBe(3);
    redis.disconnect();
    expect(await rowsOf("trigger-1")).toEqual([]);
  });

  it("fall back to the Postgres counters while Redis does not answer", async () => {
    limits = countLimitsInRedis({ url: "redis://127.0.0.1:1", prefix: "gone" });
    const name = `login-${randomUUID().slice(0, 6)}`;
    const limiter = createLimiter({ name, points: 1, durationSeconds: 60 })();
    await limiter.consume("someone");
    await expect(limiter.consume("someone")).rejects.toMatchObject({ consumedPoints: 2 });
    expect(await rowsOf(`${name}:someone`)).toHaveLength(1);
  });
});
