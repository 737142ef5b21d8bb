"use client";

import { useNow } from "../../ui/use-now";
import styles from "../editor.module.css";
import { useRunOverlay } from "./run-overlay-context";
import { useRunNodeState } from "./run-overlay-store";

/**
 * A node's part in the followed run, under its card: status, elapsed time, calls in flight, and the text it streams (or
 * its error) in a box that scrolls rather than grows.
 */
export function NodeRunBadge({ nodeId }: { nodeId: string }) {
  const state = useRunNodeState(useRunOverlay(), nodeId);
  const isRunning = state?.status === "running" || state?.status === "retrying";
  const now = useNow(isRunning);
  if (!state) return null;
  const elapsed = state.startedAt !== undefined ? ((state.finishedAt ?? now) - state.startedAt) / 1_000 : undefined;
  return (
    <div className={styles.nodeRun} data-testid="node-run" data-status={state.status}>
      <div className={styles.runRow}>
        <span className={`${styles.runStatus} ${styles[`run-${state.status}`] ?? ""}`}>{state.status}</span>
        {elapsed !== undefined && elapsed >= 0 && <span className={styles.runElapsed}>{elapsed.toFixed(1)} s</span>}
        {state.calls > 0 && (
          <span className={state.activeCalls > 0 ? `${styles.callBadge} ${styles.callBadgeActive}` : styles.callBadge} title="Calls (as a tool, model or memory)" data-testid="node-calls">
            {state.activeCalls > 0 ? `calling… ${state.calls}` : `${state.calls} call${state.calls === 1 ? "" : "s"}`}
          </span>
        )}
      </div>
      {(state.text || state.error) && (
        <div className={`${styles.runText} nodrag nowheel`} data-testid="node-run-output">
          <div>
            {state.text && <span data-testid="node-run-text">{state.text}</span>}
            {state.error && <div className={styles.runError}>{state.error}</div>}
          </div>
        </div>
      )}
    </div>
  );
}
