import type { TJsonChange } from "@/lib/graph/diff-json";
import styles from "./run-page.module.css";

const MAX_SHOWN_CHARS = 300;

/** A node's output changes, one line per changed path: the first run's value struck out, the second's after it. */
export function OutputDiff({ changes, isTruncated, testId = "output-diff" }: { changes: readonly TJsonChange[]; isTruncated: boolean; testId?: string }) {
  return (
    <div data-testid={testId}>
      {isTruncated && <p className={styles.note}>An output is too big to list: compared as a whole.</p>}
      <ul className={styles.diffList}>
        {changes.map((change) => (
          <li key={change.path.join(".")}>
            <span className={styles.muted}>{change.path.length > 0 ? change.path.join(".") : "(whole output)"}</span>: <span className={styles.before}>{show(change.before)}</span> → <span className={styles.after}>{show(change.after)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function show(value: unknown): string {
  if (value === undefined) return "(none)";
  const text = JSON.stringify(value);
  return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}…` : text;
}
