import { formatCostUsd, formatDurationMs, formatTokens } from "./format-run-values";
import { JsonValue, type TStepValueRef } from "./json-value";
import { isCallFromRecord, type TLiveStep } from "./live-steps";
import styles from "./run-page.module.css";
import { StatusPill } from "./status-pill";

type TRecordedCall = { callId: string; input?: unknown; output?: unknown; error?: unknown };

/**
 * The step's attached calls (model responses, tool results, memory) with their inputs and outputs, as recorded; while
 * the step runs, only what the events told (which call, how long) is known.
 */
export function StepCalls(props: { step: TLiveStep; recordedCalls: readonly TRecordedCall[]; source: Omit<TStepValueRef, "field">; labelOf: (nodeId: string) => string }) {
  const { step } = props;
  if (step.calls.length === 0) return null;
  return (
    <div className={styles.section} data-testid="step-calls">
      <h3>Calls</h3>
      {step.calls.map((call) => {
        const recorded = call.index === undefined ? undefined : props.recordedCalls[call.index];
        const isFromRecord = isCallFromRecord(call, step);
        return (
          <div key={call.callId} className={styles.call} data-testid="step-call">
            <div className={styles.callHead}>
              <strong>{call.kind}</strong>
              <span>{props.labelOf(call.nodeId)}</span>
              <span className={styles.muted}>{call.operation}</span>
              <StatusPill status={call.status} />
              <span className={styles.muted}>{isFromRecord ? "served from the source run's record" : formatDurationMs(call.finishedAt === undefined ? undefined : call.finishedAt - call.startedAt)}</span>
              {call.usage && (
                <span className={styles.muted}>
                  {formatTokens(call.usage.tokens)} tokens · {formatCostUsd(call.usage.costUsd)}
                </span>
              )}
            </div>
            {recorded && call.index !== undefined && (
              <>
                <p className={styles.caption}>Input</p>
                <JsonValue value={recorded.input ?? null} label={`Call ${call.index + 1} input`} source={{ ...props.source, field: { call: call.index, part: "input" } }} />
                <p className={styles.caption}>{recorded.error ? "Error" : "Output"}</p>
                {recorded.error ? (
                  <JsonValue value={recorded.error} label={`Call ${call.index + 1} error`} source={{ ...props.source, field: { call: call.index, part: "error" } }} />
                ) : (
                  <JsonValue value={recorded.output ?? null} label={`Call ${call.index + 1} output`} source={{ ...props.source, field: { call: call.index, part: "output" } }} />
                )}
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
