import { isTruncatedJson } from "@/lib/run-values/truncate-json";
import { JsonValue, type TStepValueRef } from "./json-value";
import styles from "./run-page.module.css";

type TStepError = { code?: string; message?: string; stack?: string };

/** A failed step's error: code, message and the stack it was thrown with. */
export function StepError({ error, source }: { error: unknown; source: Omit<TStepValueRef, "field"> }) {
  if (isTruncatedJson(error)) {
    return (
      <div className={styles.section}>
        <h3>Error</h3>
        <JsonValue value={error} label="Step error" source={{ ...source, field: "error" }} />
      </div>
    );
  }
  const { code, message, stack } = error as TStepError;
  return (
    <div className={styles.section} data-testid="step-error">
      <h3>Error</h3>
      <p role="alert">
        <strong>{code}</strong>: {message}
      </p>
      {stack && <pre className={styles.stack}>{stack}</pre>}
    </div>
  );
}
