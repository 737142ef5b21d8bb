import Link from "next/link";
import { formatRunRef } from "@/lib/runs/run-number";
import type { TRunDetail } from "./run-types";
import styles from "./run-page.module.css";

/** "replay of #3", "fork of #3 at …", "child of Triage #7" badges: each links to that run, and to comparing with it. */
export function RunLineage({ run, workspaceSlug, labelOf }: { run: TRunDetail; workspaceSlug: string; labelOf: (nodeId: string) => string }) {
  const runHref = (runId: string) => `/w/${workspaceSlug}/runs/${runId}`;
  const compareHref = (runId: string) => `/w/${workspaceSlug}/runs/compare?a=${encodeURIComponent(runId)}&b=${encodeURIComponent(run.id)}`;
  if (!run.replayOf && !run.forkOf && !run.childOf) return null;
  return (
    <div className={styles.lineage} data-testid="run-lineage">
      {run.replayOf && (
        <span className={styles.lineageBadge}>
          Replay of <Link href={runHref(run.replayOf.runId)}>{formatRunRef(run.replayOf, run.graphId)}</Link>
          <Link href={compareHref(run.replayOf.runId)}>Compare with source</Link>
        </span>
      )}
      {run.forkOf && (
        <span className={styles.lineageBadge}>
          Fork of <Link href={runHref(run.forkOf.runId)}>{formatRunRef(run.forkOf, run.graphId)}</Link> at {labelOf(run.forkOf.nodeId)} (step {run.forkOf.stepSeq})
          <Link href={compareHref(run.forkOf.runId)}>Compare with source</Link>
        </span>
      )}
      {run.childOf && (
        <span className={styles.lineageBadge}>
          Child of <Link href={runHref(run.childOf.runId)}>{formatRunRef(run.childOf, run.graphId)}</Link>
          {run.childOf.stepSeq !== null && ` (step ${run.childOf.stepSeq})`}
        </span>
      )}
    </div>
  );
}
