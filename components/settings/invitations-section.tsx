"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { TRole } from "@/lib/auth/access-rights";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert, Badge } from "../ui/alert";
import { Button } from "../ui/button";
import { formatRelativeTime } from "../ui/format-relative-time";
import { InvitationForm } from "./invitation-form";
import styles from "./settings.module.css";
import { useRefreshSettings } from "./use-settings-mutation";

/** Pending invitations (expired ones marked until invited again), revocable; the form issues new ones. */
export function InvitationsSection({ workspaceId, ownRole }: { workspaceId: string; ownRole: TRole }) {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  const invitations = useQuery(trpc.invitation.list.queryOptions({ workspaceId }));
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions({ onSuccess: refresh }));
  const error = revoke.error ?? invitations.error;
  return (
    <section className={styles.section} aria-labelledby="invitations-title">
      <div className={styles.sectionHeader}>
        <h2 id="invitations-title">Invitations</h2>
        <p>Invite by email with a role up to yours. Each link works once and expires after 7 days; inviting again replaces it.</p>
      </div>
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      <table className={styles.table}>
        <thead><tr><th>Email</th><th>Role</th><th>Invited</th><th>Expires</th><th /></tr></thead>
        <tbody>
          {invitations.data?.map((invitation) => (
            <tr key={invitation.id} data-testid="invitation-row" className={invitation.state === "pending" ? undefined : styles.muted}>
              <td>{invitation.email}</td>
              <td><Badge>{invitation.role}</Badge></td>
              <td title={`by ${invitation.invitedBy}`}>{formatRelativeTime(invitation.createdAt)}</td>
              <td>{invitation.state === "expired" ? <Badge>expired</Badge> : formatRelativeTime(invitation.expiresAt)}</td>
              <td>
                <Button variant="danger" disabled={revoke.isPending} onClick={() => revoke.mutate({ workspaceId, invitationId: invitation.id })}>
                  {invitation.state === "expired" ? "Remove" : "Revoke"}
                </Button>
              </td>
            </tr>
          ))}
          {invitations.data?.length === 0 && <tr><td colSpan={5} className={styles.muted}>No pending invitations.</td></tr>}
        </tbody>
      </table>
      <InvitationForm workspaceId={workspaceId} ownRole={ownRole} onCreated={refresh} />
    </section>
  );
}
