import type { TRunStatus } from "@/server/runtime/statuses";
import styles from "./history.module.css";

export function RunStatusBadge({ status }: { status: TRunStatus }) {
  return (
    <span className={`${styles.status} ${styles[status] ?? ""}`} data-status={status}>
      {status}
    </span>
  );
}
