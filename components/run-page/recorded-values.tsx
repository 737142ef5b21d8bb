import { isTruncatedJson } from "@/lib/run-values/truncate-json";
import { JsonValue, type TStepValueRef } from "./json-value";
import styles from "./run-page.module.css";

/** Time and random values the step observed: a replay hands the same ones back to it. */
export function RecordedValues({ now, random, source }: { now: unknown; random: unknown; source: Omit<TStepValueRef, "field"> }) {
  if (isTruncatedJson(now) || isTruncatedJson(random)) {
    return (
      <div className={styles.section}>
        <h3>Recorded time and randomness</h3>
        <JsonValue value={now} label="Recorded time" source={{ ...source, field: "now" }} />
        <JsonValue value={random} label="Recorded random values" source={{ ...source, field: "random" }} />
      </div>
    );
  }
  const times = Array.isArray(now) ? (now as number[]) : [];
  const randoms = Array.isArray(random) ? (random as number[]) : [];
  if (times.length === 0 && randoms.length === 0) return null;
  return (
    <div className={styles.section}>
      <h3>Recorded time and randomness</h3>
      {times.length > 0 && <p className={styles.note}>Time read: {times.map((ms) => new Date(ms).toISOString()).join(", ")}</p>}
      {randoms.length > 0 && <p className={styles.note}>Random values: {randoms.join(", ")}</p>}
    </div>
  );
}
