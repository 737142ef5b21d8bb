import { describe, expect, inject, it } from "vitest";
import { createReadinessCheck } from "../http/readiness";
import { createRedisReadinessCheck } from "./redis-readiness";
import { newRedisTarget } from "./testing/queue-mode-harness";

describe("readiness in queue mode", () => {
  it("is ready while Postgres and Redis answer, and names Redis when it does not", async () => {
    const databaseUrl = inject("databaseUrl");
    const redis = createRedisReadinessCheck(newRedisTarget());
    const gone = createRedisReadinessCheck({ url: "redis://127.0.0.1:1", prefix: "gone" });
    try {
      await expect.poll(async () => createReadinessCheck(databaseUrl, 2_000, { redis: redis.check })()).toEqual({ isReady: true, checks: { database: "ok", migrations: "ok", redis: "ok" } });
      const notReady = await createReadinessCheck(databaseUrl, 500, { redis: gone.check })();
      expect(notReady.isReady).toBe(false);
      expect(notReady.checks.database).toBe("ok");
      expect(notReady.checks.redis).not.toBe("ok");
    } finally {
      redis.close();
      gone.close();
    }
  });
});
