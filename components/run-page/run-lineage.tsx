import Link from "next/link";
import type { TRunDetail } from "./run-types";
import styles from "./run-page.module.css";

/** "replay of", "fork of … at …", "child of" badges: each links to that run, and to comparing with it. */
export function RunLineage({ run, workspaceSlug, labelOf }: { run: TRunDetail; workspaceSlug: string; labelOf: (nodeId: string) => string }) {
  const runHref = (runId: string) => `/w/${workspaceSlug}/runs/${runId}`;
  const compareHref = (runId: string) => `/w/${workspaceSlug}/runs/compare?a=${encodeURIComponent(runId)}&b=${encodeURIComponent(run.id)}`;
  if (!run.replayOf && !run.forkOf && !run.childOf) return null;
  return (
    <div className={styles.lineage} data-testid="run-lineage">
      {run.replayOf && (
        <span className={styles.lineageBadge}>
          Replay of <Link href={runHref(run.replayOf.runId)}>{shortId(run.replayOf.runId)}</Link>
          <Link href={compareHref(run.replayOf.runId)}>Compare with source</Link>
        </span>
      )}
      {run.forkOf && (
        <span className={styles.lineageBadge}>
          Fork of <Link href={runHref(run.forkOf.runId)}>{shortId(run.forkOf.runId)}</Link> at {labelOf(run.forkOf.nodeId)} (step {run.forkOf.stepSeq})
          <Link href={compareHref(run.forkOf.runId)}>Compare with source</Link>
        </span>
      )}
      {run.childOf && (
        <span className={styles.lineageBadge}>
          Child of <Link href={runHref(run.childOf.runId)}>{shortId(run.childOf.runId)}</Link>
          {run.childOf.stepSeq !== null && ` (step ${run.childOf.stepSeq})`}
        </span>
      )}
    </div>
  );
}

export function shortId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 10)}…` : id;
}
