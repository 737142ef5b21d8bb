import { formatClock } from "./format-run-values";
import styles from "./run-page.module.css";
import type { TStepLog } from "./step-activity";

/** What the step streamed (an agent's tokens) and logged, from the run's events. */
export function StepLogs({ text, logs }: { text: string; logs: readonly TStepLog[] }) {
  return (
    <>
      {text && (
        <div className={styles.section}>
          <h3>Streamed text</h3>
          <pre className={styles.value} data-testid="step-text">
            {text}
          </pre>
        </div>
      )}
      <div className={styles.section}>
        <h3>Logs</h3>
        {logs.length === 0 ? (
          <p className={styles.muted}>No logs.</p>
        ) : (
          <ul className={styles.logs} data-testid="step-logs">
            {logs.map((log) => (
              <li key={log.seq}>
                <span className={styles.muted}>{formatClock(log.ts)}</span> [{log.level}] {log.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
