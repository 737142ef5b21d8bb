"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert, Badge } from "../ui/alert";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { formatRelativeTime } from "../ui/format-relative-time";
import styles from "../settings/settings.module.css";
import { describeBrowser } from "./describe-browser";

/** Every browser signed in to the account; one can be signed out, or all of them, this one included. */
export function SessionsSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.account.listSessions.queryOptions());
  const [isConfirming, setIsConfirming] = useState(false);
  const revoke = useMutation(trpc.account.revokeSession.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.account.listSessions.queryFilter()) }));
  const signOutEverywhere = useMutation(trpc.account.signOutEverywhere.mutationOptions({ onSuccess: () => window.location.assign("/signin") }));
  const error = sessions.error ?? revoke.error ?? signOutEverywhere.error;
  return (
    <section className={styles.section} aria-labelledby="sessions-title">
      <div className={styles.sectionHeader}>
        <h2 id="sessions-title">Sessions</h2>
        <p>Browsers signed in to this account. Signing one out takes effect on its next request, open live views included.</p>
      </div>
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      <table className={styles.table}>
        <thead><tr><th>Browser</th><th>Signed in</th><th>Expires</th><th /></tr></thead>
        <tbody>
          {sessions.data?.map((session) => (
            <tr key={session.id} data-testid="session-row">
              <td title={session.userAgent ?? undefined}>{describeBrowser(session.userAgent)}</td>
              <td>{formatRelativeTime(session.createdAt)}</td>
              <td>{formatRelativeTime(session.expires)}</td>
              <td>{session.isCurrent ? <Badge>This browser</Badge> : <Button onClick={() => revoke.mutate({ sessionId: session.id })}>Sign out</Button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className={styles.row}>
        <Button variant="danger" onClick={() => setIsConfirming(true)}>Sign out everywhere</Button>
      </div>
      <ConfirmDialog
        isOpen={isConfirming}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        isBusy={signOutEverywhere.isPending}
        onConfirm={() => signOutEverywhere.mutate()}
        onCancel={() => setIsConfirming(false)}
      >
        Every browser signed in to this account is signed out, this one too. You will sign in again here.
      </ConfirmDialog>
    </section>
  );
}
