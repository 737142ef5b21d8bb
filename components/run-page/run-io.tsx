import { JsonValue } from "./json-value";
import styles from "./run-page.module.css";

/** The run's input and the output its Output nodes received. */
export function RunIo({ input, output }: { input: unknown; output: unknown }) {
  return (
    <div className={styles.twoUp}>
      <section className={styles.card}>
        <h2 className={styles.cardTitle}>Input</h2>
        <JsonValue value={input ?? null} label="Run input" />
      </section>
      <section className={styles.card}>
        <h2 className={styles.cardTitle}>Output</h2>
        <JsonValue value={output ?? null} label="Run output" />
      </section>
    </div>
  );
}
