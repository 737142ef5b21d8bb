import type { TArm } from "./pick-arm";

export type TTimelineRow = { bucket: number; arm: TArm; runs: number; succeeded: number; p95Ms: number | null };
export type TTimelinePoint = { runs: number; successRate: number | null; p95Ms: number | null };
export type TTimelineBucket = { startMs: number; stable: TTimelinePoint; candidate: TTimelinePoint };

/** At most this many buckets over the window, each at least MIN_BUCKET_MS wide (whole seconds). */
export const TIMELINE_BUCKETS = 12;
export const MIN_BUCKET_MS = 5_000;

/** The bucket width for a window: it grows with the window so the chart keeps at most TIMELINE_BUCKETS points. */
export function chooseBucketMs(windowMs: number): number {
  return Math.max(MIN_BUCKET_MS, Math.ceil(windowMs / TIMELINE_BUCKETS / 1_000) * 1_000);
}

const EMPTY: TTimelinePoint = { runs: 0, successRate: null, p95Ms: null };

/**
 * Every bucket from the window's start to `nowMs`, the empty ones included (the chart's x axis is time), from the
 * aggregate rows of the buckets that have runs. Start times are epoch milliseconds.
 */
export function fillTimeline(rows: TTimelineRow[], window: { sinceMs: number; nowMs: number; bucketMs: number }): TTimelineBucket[] {
  const count = Math.max(1, Math.ceil((window.nowMs - window.sinceMs) / window.bucketMs));
  const pointOf = (bucket: number, arm: TArm): TTimelinePoint => {
    const row = rows.find((candidate) => candidate.bucket === bucket && candidate.arm === arm);
    if (!row || row.runs === 0) return EMPTY;
    return { runs: row.runs, successRate: row.succeeded / row.runs, p95Ms: row.p95Ms === null ? null : Number(row.p95Ms) };
  };
  return Array.from({ length: count }, (_, bucket) => ({ startMs: window.sinceMs + bucket * window.bucketMs, stable: pointOf(bucket, "stable"), candidate: pointOf(bucket, "candidate") }));
}
