"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { isRoleAtMost, ROLES, type TRole } from "@/lib/auth/access-rights";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextInput } from "../ui/text-input";
import { IssuedLink } from "./issued-link";
import styles from "./settings.module.css";

type TMail = { status: "sent" } | { status: "not-configured" } | { status: "failed"; reason: string };

function describeMail(email: string, mail: TMail): string {
  if (mail.status === "sent") return `The link was mailed to ${email}. It is shown here once too, to copy.`;
  if (mail.status === "failed") return `Mailing ${email} failed (${mail.reason}). Copy the link now and send it yourself: it is shown only once.`;
  return `Mail is not set up on this studio (SMTP_URL), so nothing was sent. Copy the link now and send it to ${email}: it is shown only once.`;
}

/** Email and role (never above the inviter's own); the link appears once, with whether it was mailed. */
export function InvitationForm({ workspaceId, ownRole, onCreated }: { workspaceId: string; ownRole: TRole; onCreated: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<TRole>("editor");
  const create = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: async () => {
        setEmail("");
        await onCreated();
      },
    }),
  );
  // The issued link is the mutation's answer, shown until the person is done with it (then the form comes back).
  const issued = create.data;
  if (issued) return <IssuedLink label="Invitation link" notice={describeMail(issued.invitation.email, issued.mail)} link={issued.link} onDone={create.reset} />;
  return (
    <>
      {create.error && <Alert>{getErrorMessage(create.error)}</Alert>}
      <form className={styles.row} onSubmit={(event) => { event.preventDefault(); create.mutate({ workspaceId, email, role }); }}>
        <TextInput aria-label="Email to invite" type="email" placeholder="name@example.com" value={email} onChange={(e) => setEmail(e.target.value)} className={styles.grow} />
        <select aria-label="Invitation role" value={role} onChange={(e) => setRole(e.target.value as TRole)}>
          {ROLES.filter((candidate) => isRoleAtMost(candidate, ownRole)).map((candidate) => <option key={candidate} value={candidate}>{candidate}</option>)}
        </select>
        <Button type="submit" variant="primary" disabled={!email.trim() || create.isPending}>Invite</Button>
      </form>
    </>
  );
}
