import { describeRunLimits } from "@/lib/runs/run-limits";
import { formatRunLimit, getLimitLevel } from "./format-run-limits";
import type { TRunDetail, TUsage } from "./run-types";
import styles from "./run-page.module.css";

/** The graph's limits and how close this run came to each: "steps 12 / 10,000 · 1.2 s / 2 s · 274 / 300 tokens · …". */
export function RunLimits(props: { run: Pick<TRunDetail, "limits" | "stepCount">; elapsedMs: number | undefined; usage: TUsage | null }) {
  const uses = describeRunLimits(props.run.limits, { steps: props.run.stepCount, elapsedMs: props.elapsedMs, tokens: props.usage?.tokens ?? 0, costUsd: props.usage?.costUsd ?? 0 });
  return (
    <p className={styles.limits} data-testid="run-limits" aria-label="Limits">
      {uses.map((use) => (
        <span key={use.kind} data-level={getLimitLevel(use)}>
          {formatRunLimit(use)}
        </span>
      ))}
    </p>
  );
}
