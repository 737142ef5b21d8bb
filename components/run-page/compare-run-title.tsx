import Link from "next/link";
import { formatRunNumber } from "@/lib/runs/run-number";
import { formatInstant } from "./format-run-values";
import styles from "./run-page.module.css";
import { toMs, type TRunDetail } from "./run-types";
import { StatusPill } from "./status-pill";

/** "Run A: Triage #12 succeeded · v2 · fork · May 1, 14:03:07", linking to the run's page. */
export function CompareRunTitle({ name, run, workspaceSlug }: { name: string; run: TRunDetail; workspaceSlug: string }) {
  return (
    <div className={styles.titleRow} data-testid={`compare-run-${name}`}>
      <strong>Run {name}</strong>
      <Link href={`/w/${workspaceSlug}/runs/${run.id}`}>
        {run.graphName} {formatRunNumber(run.number)}
      </Link>
      <StatusPill status={run.status} />
      <span className={styles.muted}>
        {run.versionNumber === null ? "draft" : `v${run.versionNumber}`} · {run.trigger} · {formatInstant(toMs(run.createdAt))}
      </span>
    </div>
  );
}
