import { describe, expect, it } from "vitest";
import { layoutLine, layoutPoints, layoutRunBars, maxP95, type TChartBucket } from "./chart-geometry";

const point = (runs: number, successRate: number | null, p95Ms: number | null) => ({ runs, successRate, p95Ms });
const BUCKETS: TChartBucket[] = [
  { startMs: 0, stable: point(4, 1, 100), candidate: point(2, 0.5, 300) },
  { startMs: 5_000, stable: point(0, null, null), candidate: point(0, null, null) },
  { startMs: 10_000, stable: point(2, 1, 80), candidate: point(1, 1, 120) },
];

describe("layoutRunBars", () => {
  it("draws each side's runs per bucket, the busiest bucket at full height", () => {
    const { bars, maxRuns } = layoutRunBars(BUCKETS, { width: 300, height: 40 });
    expect(maxRuns).toBe(4);
    expect(bars).toHaveLength(6);
    expect(bars[0]).toMatchObject({ arm: "stable", runs: 4, height: 40, y: 0, x: 0 });
    expect(bars[1]).toMatchObject({ arm: "candidate", runs: 2, height: 20, y: 20 });
    expect(bars.filter((bar) => bar.bucket === 1).every((bar) => bar.height === 0)).toBe(true);
    expect(bars[4]!.x).toBe(200);
  });
});

describe("layoutLine", () => {
  it("breaks the line at a bucket without a value instead of drawing a zero", () => {
    expect(layoutLine([1, null, 0.5], 1, { width: 300, height: 40 })).toBe("M50.0,0.0 M250.0,20.0");
    expect(layoutLine([1, 0.5], 1, { width: 200, height: 40 })).toBe("M50.0,0.0 L150.0,20.0");
    expect(layoutLine([null, null], 1, { width: 200, height: 40 })).toBe("");
  });
});

describe("layoutPoints", () => {
  it("places a point per bucket with a value, mid-slot, scaled to max", () => {
    expect(layoutPoints([null, 150, 300], 300, { width: 300, height: 40 })).toEqual([{ bucket: 1, x: 150, y: 20 }, { bucket: 2, x: 250, y: 0 }]);
  });
});

describe("maxP95", () => {
  it("is the largest p95 of either side", () => {
    expect(maxP95(BUCKETS)).toBe(300);
    expect(maxP95([])).toBe(0);
  });
});
