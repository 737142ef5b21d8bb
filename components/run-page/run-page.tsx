"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useState } from "react";
import { formatRunNumber, formatRunRef } from "@/lib/runs/run-number";
import { getErrorMessage } from "../trpc/error-message";
import { Alert } from "../ui/alert";
import { useWorkspace } from "../workspace/use-workspace";
import { ApprovalPanel } from "./approval-panel";
import { CompareDialog } from "./compare-dialog";
import { EventLog } from "./event-log";
import { countCalls, mergeLiveSteps } from "./live-steps";
import { GATEWAY_RUN_TRIGGER } from "@/lib/runs/run-triggers";
import { RerunDialog } from "./rerun-dialog";
import { RunActions } from "./run-actions";
import { RunHeader } from "./run-header";
import { RunIo } from "./run-io";
import styles from "./run-page.module.css";
import { getLiveRunStatus, isFinalStatus } from "./run-status";
import { toMs, type TListedStep } from "./run-types";
import { sumStepUsage } from "./step-activity";
import { StepInspector } from "./step-inspector";
import { useLiveRun } from "./use-live-run";
import { useNow } from "../ui/use-now";
import { Waterfall } from "./waterfall";
import { getTimeBounds } from "./waterfall-layout";

/** One run, live: header and actions, approvals, the waterfall with the selected step's inspector, input/output, events. */
export function RunPage({ workspaceSlug, runId }: { workspaceSlug: string; runId: string }) {
  const { workspace, can, error: workspaceError, isLoading } = useWorkspace(workspaceSlug);
  const { run, steps, stream } = useLiveRun(workspace?.id, runId);
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  const [rerunStep, setRerunStep] = useState<TListedStep | null>(null);
  const [isComparing, setComparing] = useState(false);

  const status = run.data ? getLiveRunStatus(run.data.status, stream.events) : "queued";
  const isLive = !isFinalStatus(status);
  const now = useNow(isLive);
  const labels = useMemo(() => new Map((run.data?.nodes ?? []).map((node) => [node.id, node.label])), [run.data?.nodes]);
  const labelOf = useCallback((nodeId: string) => labels.get(nodeId) ?? nodeId, [labels]);
  const records = useMemo(() => steps.data ?? [], [steps.data]);
  const endedAt = run.data && isFinalStatus(status) ? (toMs(run.data.finishedAt) ?? now) : undefined;
  const liveSteps = useMemo(() => mergeLiveSteps(records, stream.events, endedAt === undefined ? undefined : { status, at: endedAt }), [records, stream.events, status, endedAt]);
  const pageTitle = run.data ? `${run.data.graphName} ${formatRunNumber(run.data.number)} · OpenClaw Studio` : undefined;
  useEffect(() => {
    if (pageTitle) document.title = pageTitle;
  }, [pageTitle]);

  const error = workspaceError ?? run.error ?? (!isLoading && !workspace ? new Error("Workspace not found") : null);
  if (error) {
    return (
      <main className={styles.page}>
        <Alert>
          {getErrorMessage(error)} <Link href={`/w/${workspaceSlug}/runs`}>Back to the runs</Link>
        </Alert>
      </main>
    );
  }
  if (!workspace || !run.data) return <main className={styles.page} aria-busy="true" />;

  const detail = run.data;
  const bounds = getTimeBounds(liveSteps, { startedAt: toMs(detail.startedAt), finishedAt: toMs(detail.finishedAt) }, now);
  const usage = detail.usage ?? sumStepUsage(records);
  const selected = liveSteps.find((step) => step.seq === selectedSeq);
  const calls = countCalls(liveSteps);
  // A gateway recording is read-only: the gateway ran it, so nothing here may run, fork or cancel it again.
  const isGatewayRecording = detail.trigger === GATEWAY_RUN_TRIGGER;
  const replayNote = isGatewayRecording
    ? "Recorded from an OpenClaw gateway: read-only. The gateway ran it; replay, re-run and cancel are not available here. Send a new message from the graph's Live gateway panel."
    : detail.replayOf
    ? `Replay of run ${formatRunRef(detail.replayOf, detail.graphId)}: ${calls.live.model} model calls and ${calls.live.tool} tool calls made; ${calls.fromRecord.model} model and ${calls.fromRecord.tool} tool results served from the record.`
    : undefined;

  return (
    <main className={styles.page} data-testid="run-page" data-run-status={status}>
      <RunHeader
        run={detail}
        status={status}
        usage={usage}
        now={now}
        workspaceSlug={workspaceSlug}
        labelOf={labelOf}
        replayNote={replayNote}
        actions={
          <RunActions
            workspaceId={workspace.id}
            workspaceSlug={workspaceSlug}
            runId={detail.id}
            status={status}
            isCancelRequested={detail.cancelRequested}
            canCancel={can("run:cancel") && !isGatewayRecording}
            canStart={can("run:start") && !isGatewayRecording}
            onCompare={() => setComparing(true)}
          />
        }
      />
      {steps.error && <Alert>{getErrorMessage(steps.error)}</Alert>}
      <ApprovalPanel run={detail} workspaceId={workspace.id} canDecide={can("run:approve")} labelOf={labelOf} />
      <div className={styles.columns}>
        <Waterfall steps={liveSteps} bounds={bounds} now={now} selectedSeq={selectedSeq} onSelect={setSelectedSeq} labelOf={labelOf} />
        <StepInspector
          workspaceId={workspace.id}
          runId={detail.id}
          step={selected}
          record={records.find((record) => record.seq === selectedSeq)}
          events={stream.events}
          labelOf={labelOf}
          canRerun={can("run:start") && !isGatewayRecording && (status === "succeeded" || status === "failed" || status === "cancelled" || status === "waiting")}
          onRerun={setRerunStep}
        />
      </div>
      <RunIo input={detail.input} output={detail.output} />
      <EventLog events={stream.events} nodes={detail.nodes} labelOf={labelOf} streamStatus={stream.error ?? stream.status} />
      {rerunStep && (
        <RerunDialog
          workspaceId={workspace.id}
          workspaceSlug={workspaceSlug}
          runId={detail.id}
          stepSeq={rerunStep.seq}
          label={labelOf(rerunStep.nodeId)}
          input={rerunStep.input}
          onClose={() => setRerunStep(null)}
        />
      )}
      {isComparing && <CompareDialog workspaceId={workspace.id} workspaceSlug={workspaceSlug} run={detail} onClose={() => setComparing(false)} />}
    </main>
  );
}
