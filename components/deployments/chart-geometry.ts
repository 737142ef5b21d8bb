// Pure layout of the live canary chart (canary-chart.tsx): time buckets to SVG bars and polylines, outside React.
export type TChartArm = "stable" | "candidate";
export type TChartPoint = { runs: number; successRate: number | null; p95Ms: number | null };
export type TChartBucket = { startMs: number; stable: TChartPoint; candidate: TChartPoint };
export type TChartBar = { arm: TChartArm; bucket: number; runs: number; x: number; y: number; width: number; height: number };
export type TChartPanel = { width: number; height: number };

export const ARMS: readonly TChartArm[] = ["stable", "candidate"];

/** Runs per bucket, the two sides side by side in each bucket's slot, scaled to the busiest bucket. */
export function layoutRunBars(buckets: TChartBucket[], panel: TChartPanel): { bars: TChartBar[]; maxRuns: number } {
  const maxRuns = Math.max(1, ...buckets.flatMap((bucket) => ARMS.map((arm) => bucket[arm].runs)));
  const slot = panel.width / Math.max(1, buckets.length);
  const barWidth = Math.max(1, slot / 2 - 1);
  const bars = buckets.flatMap((bucket, index) =>
    ARMS.map((arm, side) => {
      const height = (bucket[arm].runs / maxRuns) * panel.height;
      return { arm, bucket: index, runs: bucket[arm].runs, x: index * slot + side * (barWidth + 1), y: panel.height - height, width: barWidth, height };
    }),
  );
  return { bars, maxRuns };
}

/** Each bucket's value at the middle of its slot, scaled so `max` is the top; buckets without a value have no point. */
export function layoutPoints(values: (number | null)[], max: number, panel: TChartPanel): { bucket: number; x: number; y: number }[] {
  const slot = panel.width / Math.max(1, values.length);
  const scale = max > 0 ? panel.height / max : 0;
  return values.flatMap((value, bucket) => (value === null ? [] : [{ bucket, x: (bucket + 0.5) * slot, y: panel.height - value * scale }]));
}

/**
 * An SVG path through the points of `layoutPoints`; a bucket without a value (no finished run) breaks the line rather
 * than drawing a zero that did not happen. The chart marks each point too, so a lone point shows.
 */
export function layoutLine(values: (number | null)[], max: number, panel: TChartPanel): string {
  let previous = -2;
  return layoutPoints(values, max, panel)
    .map((point) => {
      const command = point.bucket === previous + 1 ? "L" : "M";
      previous = point.bucket;
      return `${command}${point.x.toFixed(1)},${point.y.toFixed(1)}`;
    })
    .join(" ");
}

/** The largest p95 of either side, for the duration panel's scale (0 without finished runs). */
export function maxP95(buckets: TChartBucket[]): number {
  return Math.max(0, ...buckets.flatMap((bucket) => ARMS.map((arm) => bucket[arm].p95Ms ?? 0)));
}
