import styles from "./run-page.module.css";

/** A run's or step's status with its colour (the waterfall's bars use the same colours). */
export function StatusPill({ status, label }: { status: string; label?: string }) {
  return (
    <span className={`${styles.status} ${styles[`status${status}`] ?? ""}`} data-testid="status-pill" data-status={status}>
      {label ?? status}
    </span>
  );
}
