import { describe, expect, it } from "vitest";
import { chooseBucketMs, fillTimeline, MIN_BUCKET_MS, TIMELINE_BUCKETS } from "./fill-timeline";

describe("chooseBucketMs", () => {
  it("keeps short windows at the minimum width and long ones at most TIMELINE_BUCKETS buckets of whole seconds", () => {
    expect(chooseBucketMs(20_000)).toBe(MIN_BUCKET_MS);
    const hour = 3_600_000;
    expect(chooseBucketMs(hour)).toBe(300_000);
    expect(Math.ceil(hour / chooseBucketMs(hour))).toBeLessThanOrEqual(TIMELINE_BUCKETS);
    expect(chooseBucketMs(3_600_001) % 1_000).toBe(0);
  });
});

describe("fillTimeline", () => {
  it("lists every bucket up to now, empty ones included, with each side's success rate and p95", () => {
    const rows = [
      { bucket: 0, arm: "stable" as const, runs: 4, succeeded: 3, p95Ms: 120 },
      { bucket: 2, arm: "candidate" as const, runs: 2, succeeded: 0, p95Ms: 900 },
    ];
    const buckets = fillTimeline(rows, { sinceMs: 1_000, nowMs: 13_500, bucketMs: 5_000 });
    expect(buckets.map((bucket) => bucket.startMs)).toEqual([1_000, 6_000, 11_000]);
    expect(buckets[0]).toEqual({ startMs: 1_000, stable: { runs: 4, successRate: 0.75, p95Ms: 120 }, candidate: { runs: 0, successRate: null, p95Ms: null } });
    expect(buckets[1]!.stable.runs + buckets[1]!.candidate.runs).toBe(0);
    expect(buckets[2]!.candidate).toEqual({ runs: 2, successRate: 0, p95Ms: 900 });
  });

  it("has one bucket when the window has just started", () => {
    expect(fillTimeline([], { sinceMs: 5_000, nowMs: 5_000, bucketMs: 5_000 })).toHaveLength(1);
  });
});
