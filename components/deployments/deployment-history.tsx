import { formatRelativeTime } from "../ui/format-relative-time";
import type { THistoryEntry } from "./deployment-types";
import styles from "./deployments.module.css";

const KIND_LABELS: Record<string, string> = {
  deployed: "Deployed",
  canary_started: "Canary started",
  share_changed: "Share changed",
  promoted: "Promoted",
  rolled_back: "Rolled back",
  idle_deployed: "Idle beside stable",
  replay_started: "Replay started",
  replayed: "Replayed",
  switched: "Switched",
  switched_back: "Switched back",
  requested: "Requested",
  approved: "Approved",
  rejected: "Rejected",
};

/** Every decision, newest first: where, what, who (a person or the rules) and why. */
export function DeploymentHistory({ entries }: { entries: THistoryEntry[] | undefined }) {
  return (
    <section aria-label="Deployment history">
      <h2>History</h2>
      {entries && entries.length === 0 && <p className={styles.muted}>No deployments yet.</p>}
      <ol className={styles.history}>
        {entries?.map((entry) => (
          <li key={entry.id} data-testid="deployment-event">
            <span className={styles.muted} title={new Date(entry.createdAt).toLocaleString()}>{formatRelativeTime(entry.createdAt)}</span>{" "}
            <strong>{KIND_LABELS[entry.kind] ?? entry.kind}</strong> in {entry.environment} by {entry.actor === "rules" ? "the rules" : entry.actor}: {entry.reason}
          </li>
        ))}
      </ol>
    </section>
  );
}
