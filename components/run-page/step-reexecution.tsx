import { formatClock, formatDurationMs } from "./format-run-values";
import styles from "./run-page.module.css";
import type { TStepAttempt } from "./step-attempts";

/** "Re-executed after takeover": each attempt's start (and the executor that lost it), and how long the last one took. */
export function StepReexecution({ attempts }: { attempts: readonly TStepAttempt[] }) {
  if (attempts.length === 0) return null;
  return (
    <div className={styles.section} data-testid="step-attempts">
      <h3>Re-executed after takeover</h3>
      <p className={styles.note}>
        The process running this step stopped before recording it, so another one ran it again with the same idempotency key: a callee that
        keeps keys can tell the repeat from a new request.
      </p>
      <ul className={styles.attemptList}>
        {attempts.map((attempt) => (
          <li key={attempt.attempt} data-testid="step-attempt">
            <strong>Attempt {attempt.attempt}</strong> started {formatClock(attempt.startedAt)}
            {attempt.isLost
              ? ` on ${attempt.owner ?? "another executor"}, interrupted`
              : ` · ${attempt.finishedAt === undefined ? "still going" : `finished ${formatClock(attempt.finishedAt)} (${formatDurationMs(attempt.finishedAt - attempt.startedAt)})`}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
