"use client";

import { useQuery } from "@tanstack/react-query";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { formatRelativeTime } from "../ui/format-relative-time";
import styles from "../settings/settings.module.css";
import { describeBrowser } from "./describe-browser";

const ACTION_LABELS: Record<string, string> = {
  "account.signIn": "Signed in",
  "account.signInFailed": "Failed sign-in",
  "account.signOut": "Signed out",
  "account.changePassword": "Password change",
  "account.rename": "Name change",
  "account.revokeSession": "Session signed out",
  "account.signOutEverywhere": "Signed out everywhere",
};

/** The account's security record: sign-ins, failed attempts with its email, sign-outs and account changes. */
export function ActivitySection() {
  const trpc = useTRPC();
  const activity = useQuery(trpc.account.listActivity.queryOptions());
  return (
    <section className={styles.section} aria-labelledby="activity-title">
      <div className={styles.sectionHeader}>
        <h2 id="activity-title">Recent activity</h2>
        <p>The last 50 sign-ins, failed attempts with your email, sign-outs and changes to this account, from the audit log.</p>
      </div>
      {activity.error && <Alert>{getErrorMessage(activity.error)}</Alert>}
      <table className={styles.table}>
        <thead><tr><th>What</th><th>When</th><th>How</th><th>From</th><th>Browser</th></tr></thead>
        <tbody>
          {activity.data?.map((event) => (
            <tr key={event.id} data-testid="activity-row">
              <td>{ACTION_LABELS[event.action] ?? event.action}{event.outcome !== "ok" && event.action !== "account.signInFailed" ? ` (refused: ${event.outcome})` : ""}</td>
              <td title={new Date(event.at).toISOString()}>{formatRelativeTime(event.at)}</td>
              <td>{event.method ?? ""}</td>
              <td>{event.address ?? ""}</td>
              <td title={event.userAgent ?? undefined}>{describeBrowser(event.userAgent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
