import { describe, expect, it } from "vitest";
import { createTokenBuckets } from "./token-bucket";

describe("createTokenBuckets", () => {
  it("allows a burst up to the capacity, then refuses with the seconds until the next request fits", () => {
    let now = 0;
    const buckets = createTokenBuckets({ capacity: 3, windowMs: 60_000, now: () => now });
    expect([buckets.take("a"), buckets.take("a"), buckets.take("a")].every((take) => take.isAllowed)).toBe(true);
    expect(buckets.take("a")).toEqual({ isAllowed: false, retryAfterSeconds: 20 });
    now = 19_000;
    expect(buckets.take("a")).toEqual({ isAllowed: false, retryAfterSeconds: 1 });
    now = 20_000;
    expect(buckets.take("a")).toEqual({ isAllowed: true });
  });

  it("keeps a bucket per key", () => {
    const buckets = createTokenBuckets({ capacity: 1, windowMs: 60_000, now: () => 0 });
    expect(buckets.take("a").isAllowed).toBe(true);
    expect(buckets.take("a").isAllowed).toBe(false);
    expect(buckets.take("b").isAllowed).toBe(true);
  });

  it("refills to the capacity, never above it", () => {
    let now = 0;
    const buckets = createTokenBuckets({ capacity: 2, windowMs: 1_000, now: () => now });
    buckets.take("a");
    now = 3_600_000;
    expect([buckets.take("a"), buckets.take("a"), buckets.take("a")].map((take) => take.isAllowed)).toEqual([true, true, false]);
  });
});
