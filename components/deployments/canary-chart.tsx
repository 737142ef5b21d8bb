"use client";

import { useQuery } from "@tanstack/react-query";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { ARMS, layoutLine, layoutPoints, layoutRunBars, maxP95, type TChartBucket, type TChartPanel } from "./chart-geometry";
import type { TTarget } from "./deployment-types";
import styles from "./deployments.module.css";

const LIVE_MS = 3_000;
const PANEL: TChartPanel = { width: 300, height: 44 };
const ARM_CLASS = { stable: styles.chartStable, candidate: styles.chartCandidate };

function Panel({ title, label, children }: { title: string; label: string; children: React.ReactNode }) {
  return (
    <figure className={styles.chartPanel}>
      <figcaption><span>{title}</span> <span className={styles.muted}>{label}</span></figcaption>
      <svg viewBox={`0 0 ${PANEL.width} ${PANEL.height}`} preserveAspectRatio="none" role="img" aria-label={title}>
        <line x1={0} x2={PANEL.width} y1={PANEL.height - 0.5} y2={PANEL.height - 0.5} className={styles.chartAxis} />
        {children}
      </svg>
    </figure>
  );
}

function Lines({ buckets, valueOf, max }: { buckets: TChartBucket[]; valueOf: (point: TChartBucket["stable"]) => number | null; max: number }) {
  return ARMS.map((arm) => {
    const values = buckets.map((bucket) => valueOf(bucket[arm]));
    return (
      <g key={arm} data-arm={arm}>
        <path d={layoutLine(values, max, PANEL)} className={`${styles.chartLine} ${ARM_CLASS[arm]}`} />
        {layoutPoints(values, max, PANEL).map((point) => <circle key={point.bucket} cx={point.x} cy={point.y} r={2.5} className={ARM_CLASS[arm]} data-testid="chart-point" />)}
      </g>
    );
  });
}

/**
 * Stable vs candidate over the canary window, bucketed in time (deployment.timeline): runs, success rate and p95
 * duration, filling in live as runs finish. Plain SVG; the table beside it holds the exact numbers.
 */
export function CanaryChart({ target }: { target: TTarget }) {
  const trpc = useTRPC();
  const timeline = useQuery({ ...trpc.deployment.timeline.queryOptions(target), refetchInterval: LIVE_MS });
  if (timeline.error) return <Alert>{getErrorMessage(timeline.error)}</Alert>;
  if (!timeline.data) return null;
  const { buckets, bucketMs, candidateVersion, stableVersion } = timeline.data;
  const { bars, maxRuns } = layoutRunBars(buckets, PANEL);
  const slowest = maxP95(buckets);
  const totals = ARMS.map((arm) => buckets.reduce((sum, bucket) => sum + bucket[arm].runs, 0));

  return (
    <div className={styles.chart} data-testid="canary-chart" data-stable-runs={totals[0]} data-candidate-runs={totals[1]}>
      <p className={styles.muted}>
        <span className={`${styles.chartKey} ${styles.chartStable}`} /> stable v{stableVersion}
        {candidateVersion !== null && <> <span className={`${styles.chartKey} ${styles.chartCandidate}`} /> candidate v{candidateVersion}</>}
        {` · ${bucketMs / 1_000} s per bar since ${new Date(timeline.data.since).toLocaleTimeString()}`}
      </p>
      <Panel title="Runs" label={`max ${maxRuns}`}>
        {bars.filter((bar) => bar.runs > 0).map((bar) => (
          <rect key={`${bar.arm}-${bar.bucket}`} x={bar.x} y={bar.y} width={bar.width} height={bar.height} className={ARM_CLASS[bar.arm]} data-arm={bar.arm} data-runs={bar.runs}>
            <title>{`${bar.arm}: ${bar.runs} runs`}</title>
          </rect>
        ))}
      </Panel>
      <Panel title="Success rate" label="0-100 %">
        <Lines buckets={buckets} valueOf={(point) => point.successRate} max={1} />
      </Panel>
      <Panel title="p95 duration" label={slowest > 0 ? `max ${Math.round(slowest)} ms` : "no runs yet"}>
        <Lines buckets={buckets} valueOf={(point) => point.p95Ms} max={slowest} />
      </Panel>
    </div>
  );
}
