import { memo } from "react";
import type { TRunStreamEvent } from "../realtime/use-run-events";
import { Button } from "../ui/button";
import { formatClock, formatCostUsd, formatDurationMs, formatTokens } from "./format-run-values";
import { JsonValue } from "./json-value";
import type { TLiveStep } from "./live-steps";
import { RecordedValues } from "./recorded-values";
import type { TListedStep } from "./run-types";
import styles from "./run-page.module.css";
import { StatusPill } from "./status-pill";
import { getStepActivity } from "./step-activity";
import { listStepAttempts } from "./step-attempts";
import { StepReexecution } from "./step-reexecution";
import { StepCalls } from "./step-calls";
import { StepError } from "./step-error";
import { StepLogs } from "./step-logs";

type TEffects = { now?: unknown; random?: unknown; calls?: { callId: string; input?: unknown; output?: unknown; error?: unknown }[] };

/** The selected step: input, output, error with stack, recorded effects, usage and cost, logs; and "Re-run from here". */
export const StepInspector = memo(function StepInspector(props: {
  workspaceId: string;
  runId: string;
  step: TLiveStep | undefined;
  record: TListedStep | undefined;
  events: readonly TRunStreamEvent[];
  labelOf: (nodeId: string) => string;
  canRerun: boolean;
  onRerun: (record: TListedStep) => void;
}) {
  const { step, record } = props;
  if (!step) {
    return (
      <section className={styles.card} aria-label="Step inspector">
        <h2 className={styles.cardTitle}>Step</h2>
        <p className={styles.muted}>Select a step in the waterfall to see its input, output, calls and logs.</p>
      </section>
    );
  }
  const source = { workspaceId: props.workspaceId, runId: props.runId, stepSeq: step.seq };
  const effects = (record?.effects ?? {}) as TEffects;
  const { logs, text } = getStepActivity(props.events, step.seq);
  const duration = step.finishedAt === undefined ? undefined : step.finishedAt - step.startedAt;
  return (
    <section className={styles.card} aria-label="Step inspector" data-testid="step-inspector">
      <div className={styles.inspectorHead}>
        <h2>{props.labelOf(step.nodeId)}</h2>
        <StatusPill status={step.status} />
        <span className={styles.muted}>
          step {step.seq}
          {step.scope.length > 0 && ` · item [${step.scope.join(", ")}]`}
          {step.attempt > 1 && ` · attempt ${step.attempt}`}
        </span>
        {props.canRerun && record && record.status !== "skipped" && (
          <Button onClick={() => props.onRerun(record)} style={{ marginLeft: "auto" }}>
            Re-run from here
          </Button>
        )}
      </div>
      <p className={styles.note}>
        {formatClock(step.startedAt)} · {formatDurationMs(duration)}
        {step.usage && ` · ${formatTokens(step.usage.tokens)} tokens · ${formatCostUsd(step.usage.costUsd)}`}
      </p>
      {!record && <p className={styles.note}>The step is still going: its input and output are recorded when it ends.</p>}
      <StepReexecution attempts={listStepAttempts(record?.effects, step)} />
      {record && (
        <>
          <div className={styles.section}>
            <h3>Input</h3>
            <JsonValue value={record.input} label="Step input" source={{ ...source, field: "input" }} />
          </div>
          <div className={styles.section}>
            <h3>Output</h3>
            <JsonValue value={record.output} label="Step output" source={{ ...source, field: "output" }} />
          </div>
          {record.error !== null && <StepError error={record.error} source={source} />}
        </>
      )}
      <StepCalls step={step} recordedCalls={effects.calls ?? []} source={source} labelOf={props.labelOf} />
      {record && <RecordedValues now={effects.now} random={effects.random} source={source} />}
      <StepLogs text={text} logs={logs} />
    </section>
  );
});
