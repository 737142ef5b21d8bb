"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TRole } from "@/lib/auth/access-rights";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert, Badge } from "../ui/alert";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { formatRelativeTime } from "../ui/format-relative-time";
import { getMemberActions } from "./member-actions";
import styles from "./settings.module.css";
import { useRefreshSettings } from "./use-settings-mutation";

type TPending = { kind: "remove" | "leave" | "transfer"; userId: string; label: string };

const CONFIRM: Record<TPending["kind"], { title: (label: string) => string; action: string; body: string }> = {
  remove: { title: (label) => `Remove ${label}?`, action: "Remove", body: "Their next request is refused, their open connections close and their API keys are revoked." },
  leave: { title: () => "Leave this workspace?", action: "Leave", body: "You lose access at once; an admin can invite you again." },
  transfer: { title: (label) => `Make ${label} the owner?`, action: "Transfer ownership", body: "They become an owner and you become an admin." },
};

/** Members with role, sign-in method and last activity; role changes, removal, leave and ownership transfer. */
export function MembersSection({ workspaceId, viewerRole, canManage }: { workspaceId: string; viewerRole: TRole; canManage: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = useRefreshSettings();
  const members = useQuery(trpc.member.list.queryOptions({ workspaceId }));
  const [pending, setPending] = useState<TPending | null>(null);
  const onDone = async () => {
    setPending(null);
    await refresh();
  };
  const changeRole = useMutation(trpc.member.changeRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.member.remove.mutationOptions({ onSuccess: onDone }));
  const transfer = useMutation(trpc.member.transferOwnership.mutationOptions({ onSuccess: onDone }));
  const leave = useMutation(
    trpc.member.leave.mutationOptions({
      onSuccess: async () => {
        await onDone();
        router.replace("/");
      },
    }),
  );
  const error = members.error ?? changeRole.error ?? remove.error ?? transfer.error ?? leave.error;
  const ownerCount = members.data?.filter((member) => member.role === "owner").length ?? 0;

  function confirmPending(): void {
    if (!pending) return;
    if (pending.kind === "remove") remove.mutate({ workspaceId, userId: pending.userId });
    if (pending.kind === "transfer") transfer.mutate({ workspaceId, userId: pending.userId });
    if (pending.kind === "leave") leave.mutate({ workspaceId });
  }

  return (
    <section className={styles.section} aria-labelledby="members-title">
      <div className={styles.sectionHeader}>
        <h2 id="members-title">Members</h2>
        <p>Roles take effect on the member&apos;s next request; their live connections reconnect with the new role.</p>
      </div>
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      <table className={styles.table}>
        <thead><tr><th>Member</th><th>Role</th><th>Signs in with</th><th>Last active</th><th>Joined</th><th /></tr></thead>
        <tbody>
          {members.data?.map((member) => {
            const actions = getMemberActions({ viewerRole, canManageMembers: canManage, member, ownerCount });
            const label = member.name ?? member.email;
            return (
              <tr key={member.userId} data-testid="member-row">
                <td>
                  <div>{label}{member.isYou && <span className={styles.muted}> (you)</span>}</div>
                  <div className={styles.muted}>{member.email}</div>
                </td>
                <td>
                  {actions.assignableRoles.length > 0 ? (
                    <select
                      aria-label={`Role of ${member.email}`}
                      value={member.role}
                      disabled={changeRole.isPending}
                      onChange={(event) => changeRole.mutate({ workspaceId, userId: member.userId, role: event.target.value as TRole })}
                    >
                      {actions.assignableRoles.map((role) => <option key={role} value={role}>{role}</option>)}
                    </select>
                  ) : (
                    <Badge>{member.role}</Badge>
                  )}
                </td>
                <td>{describeSignIn(member.signIn)}</td>
                <td>{member.lastActiveAt ? formatRelativeTime(member.lastActiveAt) : "Never"}</td>
                <td>{formatRelativeTime(member.createdAt)}</td>
                <td className={styles.row}>
                  {actions.canTransferOwnership && <Button onClick={() => setPending({ kind: "transfer", userId: member.userId, label })}>Make owner</Button>}
                  {actions.canRemove && <Button variant="danger" onClick={() => setPending({ kind: "remove", userId: member.userId, label })}>Remove</Button>}
                  {actions.canLeave && <Button variant="danger" onClick={() => setPending({ kind: "leave", userId: member.userId, label })}>Leave</Button>}
                  {member.isYou && !actions.canLeave && <span className={styles.muted} title="A workspace always keeps at least one owner">Last owner</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ConfirmDialog
        isOpen={pending !== null}
        title={pending ? CONFIRM[pending.kind].title(pending.label) : ""}
        confirmLabel={pending ? CONFIRM[pending.kind].action : ""}
        isBusy={remove.isPending || transfer.isPending || leave.isPending}
        onConfirm={confirmPending}
        onCancel={() => setPending(null)}
      >
        {pending && CONFIRM[pending.kind].body}
      </ConfirmDialog>
    </section>
  );
}

function describeSignIn(signIn: { hasPassword: boolean; providers: string[] }): string {
  const ways = [...(signIn.hasPassword ? ["password"] : []), ...signIn.providers.map((provider) => `SSO (${provider})`)];
  return ways.length > 0 ? ways.join(", ") : "No sign-in method yet";
}
