"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { IssuedLink } from "./issued-link";
import styles from "./settings.module.css";

/**
 * A one-time link for a member who lost their password, for the admin to hand over. The server refuses members whose
 * account reaches workspaces (or roles) beyond the admin's, and says so.
 */
export function PasswordResetSection({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.member.list.queryOptions({ workspaceId }));
  const [userId, setUserId] = useState("");
  const issue = useMutation(trpc.passwordReset.issue.mutationOptions());
  const others = members.data?.filter((member) => !member.isYou) ?? [];
  return (
    <section className={styles.section} aria-labelledby="password-reset-title">
      <div className={styles.sectionHeader}>
        <h2 id="password-reset-title">Password reset links</h2>
        <p>For a member who cannot sign in: the link sets a new password once within 24 hours and signs out their other sessions.</p>
      </div>
      {(issue.error ?? members.error) && <Alert>{getErrorMessage(issue.error ?? members.error)}</Alert>}
      {issue.data ? (
        <IssuedLink
          label="Password reset link"
          notice={`Give this link to ${issue.data.email} yourself: it is shown only once.`}
          link={issue.data.link}
          onDone={() => issue.reset()}
        />
      ) : (
        <form className={styles.row} onSubmit={(event) => { event.preventDefault(); issue.mutate({ workspaceId, userId }); }}>
          <select aria-label="Member to reset" value={userId} onChange={(e) => setUserId(e.target.value)} className={styles.grow}>
            <option value="">Choose a member…</option>
            {others.map((member) => <option key={member.userId} value={member.userId}>{member.name ? `${member.name} (${member.email})` : member.email}</option>)}
          </select>
          <Button type="submit" disabled={!userId || issue.isPending}>Issue reset link</Button>
        </form>
      )}
    </section>
  );
}
