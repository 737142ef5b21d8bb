import { ApprovalForm } from "./approval-form";
import type { TRunDetail } from "./run-types";
import styles from "./run-page.module.css";

/** Every Approval step the run is parked on, each with its own decision. */
export function ApprovalPanel(props: { run: TRunDetail; workspaceId: string; canDecide: boolean; labelOf: (nodeId: string) => string }) {
  const approvals = props.run.waiting.filter((entry) => entry.wait.kind === "approval");
  if (props.run.status !== "waiting" || approvals.length === 0) return null;
  return (
    <section className={styles.card} aria-label="Waiting for approval">
      <h2 className={styles.cardTitle}>Waiting for approval</h2>
      {approvals.map((entry) => (
        <ApprovalForm
          key={entry.stepSeq}
          workspaceId={props.workspaceId}
          runId={props.run.id}
          nodeId={entry.nodeId}
          label={props.labelOf(entry.nodeId)}
          prompt={entry.wait.kind === "approval" ? entry.wait.prompt : ""}
          canDecide={props.canDecide}
        />
      ))}
    </section>
  );
}
