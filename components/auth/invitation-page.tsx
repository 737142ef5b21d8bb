"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { AuthCard } from "./auth-card";
import { NewAccountForm } from "./new-account-form";
import { signInAndGo } from "./sign-in-after";
import styles from "./sign-in.module.css";

/**
 * /invite/<token>. Every state of a link gets its own plain page: unknown, expired, used, revoked, meant for another
 * signed-in account, or open. The invited person joins at once when signed in, signs in first when they have an
 * account, or sets a name and password and is signed in.
 */
export function InvitationPage({ token }: { token: string }) {
  const trpc = useTRPC();
  const preview = useQuery(trpc.invitation.preview.queryOptions({ token }, { retry: false }));
  const [signInError, setSignInError] = useState<string>();
  const goToWorkspace = ({ workspaceSlug }: { workspaceSlug: string }) => window.location.assign(`/w/${workspaceSlug}`);
  const accept = useMutation(trpc.invitation.accept.mutationOptions({ onSuccess: goToWorkspace }));
  const acceptAsNewUser = useMutation(
    trpc.invitation.acceptAsNewUser.mutationOptions({
      onSuccess: async ({ workspaceSlug, email }, { password }) => {
        if (!(await signInAndGo({ email, password, to: `/w/${workspaceSlug}` }))) setSignInError("Your account is ready, but signing in failed. Sign in with your new password.");
      },
    }),
  );

  const signedInAs = preview.data?.signedInAs ?? null;
  const invitation = preview.data?.invitation;
  const isOwnInvitation = invitation?.state === "pending" && signedInAs === invitation.email;
  const { isIdle, mutate } = accept;
  useEffect(() => {
    if (isOwnInvitation && isIdle) mutate({ token });
  }, [isOwnInvitation, isIdle, mutate, token]);

  if (preview.isPending) return <AuthCard title="Opening your invitation…" />;
  if (preview.error || !invitation) return <AuthCard title="This invitation could not be opened"><Alert>{getErrorMessage(preview.error)}</Alert></AuthCard>;
  if (invitation.state === "unknown") {
    return <AuthCard title="This invitation link is not valid" lead="Check that the whole link was copied, or ask the person who invited you for a new one." />;
  }
  const { workspace, email, invitedBy, role } = invitation;
  if (invitation.state === "expired") return <AuthCard title="This invitation has expired" lead={`It invited ${email} to ${workspace.name}. Ask ${invitedBy} for a new one.`} />;
  if (invitation.state === "revoked") return <AuthCard title="This invitation was revoked" lead={`${invitedBy} withdrew it. Ask them if you still need access to ${workspace.name}.`} />;
  if (invitation.state === "accepted") {
    return (
      <AuthCard title="This invitation was already used" lead={`Each invitation link works once. If you joined ${workspace.name} with it, sign in.`}>
        <Link href={`/signin?callbackUrl=${encodeURIComponent(`/w/${workspace.slug}`)}`}>Sign in</Link>
      </AuthCard>
    );
  }
  if (signedInAs && !isOwnInvitation) {
    return (
      <AuthCard title="This invitation is for another account" lead={`It is for ${email}; you are signed in as ${signedInAs}.`}>
        <Button onClick={() => void signOut({ callbackUrl: `/invite/${token}` })}>Sign out and open it again</Button>
      </AuthCard>
    );
  }
  if (isOwnInvitation) {
    return <AuthCard title={`Joining ${workspace.name}…`}>{accept.error && <Alert>{getErrorMessage(accept.error)}</Alert>}</AuthCard>;
  }
  if (invitation.hasAccount) {
    return (
      <AuthCard title={`Join ${workspace.name}`} lead={`${invitedBy} invited ${email} as ${role}. Sign in with that account to join.`}>
        <Link href={`/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>Sign in to join</Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Join ${workspace.name}`} lead={`${invitedBy} invited you as ${role}. Choose your name and a password.`}>
      <NewAccountForm
        email={email}
        submitLabel="Create account and join"
        isBusy={acceptAsNewUser.isPending || acceptAsNewUser.isSuccess}
        error={signInError ?? (acceptAsNewUser.error ? getErrorMessage(acceptAsNewUser.error) : undefined)}
        onSubmit={({ name, password }) => acceptAsNewUser.mutate({ token, name, password })}
      />
      <p className={styles.hint}>The link works once and expires {new Date(invitation.expiresAt).toLocaleDateString()}.</p>
    </AuthCard>
  );
}
