import { fillBuckets, type TBucket, type TBucketUnit } from "./fill-buckets";
import styles from "./history.module.css";

const WIDTH = 600;
const HEIGHT = 72;
const COLORS = { failed: "#c92a2a", succeeded: "#2f9e44", other: "#adb5bd" };

export type TRunsChart = { unit: TBucketUnit; from: string | null; to: string | null; buckets: TBucket[] };

/** Runs per hour or day as stacked bars: failed at the bottom, then succeeded, then the rest (running, cancelled...). */
export function RunsChart({ chart }: { chart: TRunsChart | undefined }) {
  const slots = chart ? fillBuckets(chart) : [];
  const highest = Math.max(1, ...slots.map((slot) => slot.runs));
  const slotWidth = WIDTH / Math.max(1, slots.length);
  const barWidth = Math.max(1, slotWidth * 0.8);
  const label = (start: string) => new Date(start).toLocaleString(undefined, chart?.unit === "hour" ? { hour: "2-digit", minute: "2-digit", hour12: false } : { month: "short", day: "numeric" });
  const total = slots.reduce((sum, slot) => sum + slot.runs, 0);

  return (
    <figure className={styles.chart} style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={`Runs per ${chart?.unit ?? "day"}: ${total} in total`}>
        {slots.map((slot, index) => {
          const x = index * slotWidth + (slotWidth - barWidth) / 2;
          const segments: [keyof typeof COLORS, number][] = [["failed", slot.failed], ["succeeded", slot.succeeded], ["other", slot.runs - slot.failed - slot.succeeded]];
          let base = HEIGHT;
          return (
            <g key={slot.start} data-testid="chart-bar" data-runs={slot.runs}>
              <title>{`${label(slot.start)}: ${slot.runs} runs, ${slot.succeeded} succeeded, ${slot.failed} failed`}</title>
              {segments.map(([kind, count]) => {
                if (count <= 0) return null;
                const height = (count / highest) * (HEIGHT - 4);
                base -= height;
                return <rect key={kind} x={x} y={base} width={barWidth} height={height} fill={COLORS[kind]} />;
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.chartAxis}>
        <span>{slots[0] ? label(slots[0].start) : "No runs"}</span>
        <span>per {chart?.unit ?? "day"}, max {total === 0 ? 0 : highest}</span>
        <span>{slots.length > 1 ? label(slots.at(-1)!.start) : ""}</span>
      </figcaption>
    </figure>
  );
}
