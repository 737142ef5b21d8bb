import { describe, expect, it } from "vitest";
import { fillBuckets, MAX_SLOTS } from "./fill-buckets";

const bucket = (start: string, runs: number) => ({ start, runs, succeeded: runs, failed: 0 });

describe("fillBuckets", () => {
  it("gives every hour from the chart's start to its end a slot, keeping the server's counts", () => {
    const filled = fillBuckets({ unit: "hour", from: "2026-05-01T09:30:00.000Z", to: "2026-05-01T12:10:00.000Z", buckets: [bucket("2026-05-01T10:00:00.000Z", 3)] });
    expect(filled.map((slot) => [slot.start, slot.runs])).toEqual([
      ["2026-05-01T09:00:00.000Z", 0],
      ["2026-05-01T10:00:00.000Z", 3],
      ["2026-05-01T11:00:00.000Z", 0],
      ["2026-05-01T12:00:00.000Z", 0],
    ]);
  });

  it("fills days, and keeps only non-empty buckets when the span would not fit the chart", () => {
    expect(fillBuckets({ unit: "day", from: "2026-05-01T10:00:00.000Z", to: "2026-05-03T01:00:00.000Z", buckets: [] })).toHaveLength(3);
    const long = { unit: "day" as const, from: "2020-01-01T00:00:00.000Z", to: new Date(Date.parse("2020-01-01") + (MAX_SLOTS + 5) * 86_400_000).toISOString(), buckets: [bucket("2020-01-01T00:00:00.000Z", 1)] };
    expect(fillBuckets(long)).toEqual(long.buckets);
  });

  it("has nothing to fill without runs", () => {
    expect(fillBuckets({ unit: "day", from: null, to: null, buckets: [] })).toEqual([]);
  });
});
