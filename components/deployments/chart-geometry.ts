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

/**
 * An SVG path through each bucket's value at the middle of its slot, scaled so `max` is the top; a bucket without a
 * value (no finished run) breaks the line rather than drawing a zero that did not happen.
 */
export function layoutLine(values: (number | null)[], max: number, panel: TChartPanel): string {
  const slot = panel.width / Math.max(1, values.length);
  const scale = max > 0 ? panel.height / max : 0;
  let path = "";
  let isDrawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      isDrawing = false;
      return;
    }
    const x = (index + 0.5) * slot;
    const y = panel.height - value * scale;
    path += `${isDrawing ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)} `;
    isDrawing = true;
  });
  return path.trim();
}

/** The largest p95 of either side, for the duration panel's scale (0 without finished runs). */
export function maxP95(buckets: TChartBucket[]): number {
  return Math.max(0, ...buckets.flatMap((bucket) => ARMS.map((arm) => bucket[arm].p95Ms ?? 0)));
}
