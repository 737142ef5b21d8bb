// The chart's bars: the server sends only buckets that hold runs; empty hours or days between the chart's start and
// end still take a slot, so gaps show as gaps.
export type TBucketUnit = "hour" | "day";
export type TBucket = { start: string; runs: number; succeeded: number; failed: number };

const UNIT_MS: Record<TBucketUnit, number> = { hour: 3_600_000, day: 86_400_000 };

/** Beyond this many slots the chart keeps only the buckets that hold runs (a year of days still fits). */
export const MAX_SLOTS = 400;

export function fillBuckets(chart: { unit: TBucketUnit; from: string | null; to: string | null; buckets: TBucket[] }): TBucket[] {
  if (!chart.from || !chart.to) return chart.buckets;
  const step = UNIT_MS[chart.unit];
  // Buckets are UTC (date_trunc on UTC timestamps), so truncating epoch milliseconds lands on the same starts.
  const first = Math.floor(Date.parse(chart.from) / step) * step;
  const last = Math.floor(Date.parse(chart.to) / step) * step;
  if ((last - first) / step + 1 > MAX_SLOTS) return chart.buckets;
  const byStart = new Map(chart.buckets.map((bucket) => [Date.parse(bucket.start), bucket]));
  const slots: TBucket[] = [];
  for (let start = first; start <= last; start += step) {
    slots.push(byStart.get(start) ?? { start: new Date(start).toISOString(), runs: 0, succeeded: 0, failed: 0 });
  }
  return slots;
}
