import Link from "next/link";
import { formatCostUsd, formatDurationMs, formatInstant, formatTokens } from "./format-run-values";
import { RunLimits } from "./run-limits";
import { formatRunNumber, formatRunRef } from "@/lib/runs/run-number";
import { RunLineage } from "./run-lineage";
import type { TRunStatus } from "./run-status";
import { toMs, type TRunDetail, type TUsage } from "./run-types";
import styles from "./run-page.module.css";
import { StatusPill } from "./status-pill";

/** Graph and version, live status, trigger, times, duration, tokens, cost, limits, lineage, and what a parked run waits for. */
export function RunHeader(props: {
  run: TRunDetail;
  status: TRunStatus;
  usage: TUsage | null;
  now: number;
  workspaceSlug: string;
  labelOf: (nodeId: string) => string;
  replayNote?: string;
  actions: React.ReactNode;
}) {
  const { run, workspaceSlug } = props;
  const startedAt = toMs(run.startedAt);
  const finishedAt = toMs(run.finishedAt);
  const duration = startedAt === undefined ? undefined : (finishedAt ?? props.now) - startedAt;
  const waits = props.status === "waiting" ? run.waiting.filter((entry) => entry.wait.kind !== "approval") : [];
  return (
    <header className={`${styles.card} ${styles.header}`}>
      <div className={styles.titleRow}>
        <h1 data-testid="run-title">
          <Link href={`/w/${workspaceSlug}/graphs/${run.graphId}`}>{run.graphName}</Link> <span title={`Run ${run.id}`}>{formatRunNumber(run.number)}</span>
        </h1>
        <span className={styles.muted}>{run.versionNumber === null ? "draft" : `v${run.versionNumber}`}</span>
        <StatusPill status={props.status} />
        {props.actions}
      </div>
      <dl className={styles.meta} data-testid="run-meta">
        <div>
          <dt>Trigger</dt>
          <dd>{run.trigger}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatInstant(startedAt)}</dd>
        </div>
        <div>
          <dt>Finished</dt>
          <dd>{formatInstant(finishedAt)}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatDurationMs(duration)}</dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd data-testid="run-tokens">{formatTokens(props.usage?.tokens)}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{formatCostUsd(props.usage?.costUsd)}</dd>
        </div>
        {run.traceId && (
          <div>
            <dt>Trace</dt>
            <dd>
              <code className={styles.traceId} data-testid="run-trace-id" title="W3C trace id: find this run's spans in your tracing backend">
                {run.traceId}
              </code>
            </dd>
          </div>
        )}
      </dl>
      <RunLimits run={run} elapsedMs={duration} usage={props.usage} />
      <RunLineage run={run} workspaceSlug={workspaceSlug} labelOf={props.labelOf} />
      {props.replayNote && (
        <p className={styles.note} data-testid="replay-note">
          {props.replayNote}
        </p>
      )}
      {waits.map((entry) => (
        <p key={entry.stepSeq} className={styles.note}>
          {props.labelOf(entry.nodeId)} waits
          {entry.wait.kind === "delay" && ` until ${formatInstant(entry.wait.until)}`}
          {entry.childRun && (
            <>
              {" "}
              for its child run <Link href={`/w/${workspaceSlug}/runs/${entry.childRun.runId}`}>{formatRunRef(entry.childRun, run.graphId)}</Link>
            </>
          )}
        </p>
      ))}
      {run.error !== null && run.error !== undefined && (
        <p className={styles.note} role="alert">
          {(run.error as { message?: string }).message ?? "The run failed"}
        </p>
      )}
    </header>
  );
}
