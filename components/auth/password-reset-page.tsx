"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { AuthCard } from "./auth-card";
import { NewAccountForm } from "./new-account-form";
import { signInAndGo } from "./sign-in-after";

const ENDED = {
  unknown: { title: "This reset link is not valid", lead: "Check that the whole link was copied, or ask an admin for a new one." },
  used: { title: "This reset link was already used", lead: "Each link works once. Sign in with your new password, or ask an admin for a new link." },
  expired: { title: "This reset link has expired", lead: "Ask an admin for a new one." },
} as const;

/** /reset/<token>: set a new password with a one-time link an admin issued; every session of the account ends. */
export function PasswordResetPage({ token }: { token: string }) {
  const trpc = useTRPC();
  const preview = useQuery(trpc.passwordReset.preview.queryOptions({ token }, { retry: false }));
  const [signInError, setSignInError] = useState<string>();
  const complete = useMutation(
    trpc.passwordReset.complete.mutationOptions({
      onSuccess: async ({ email }, { password }) => {
        if (!(await signInAndGo({ email, password, to: "/" }))) setSignInError("Your password is set, but signing in failed. Sign in with it.");
      },
    }),
  );

  if (preview.isPending) return <AuthCard title="Opening your reset link…" />;
  if (preview.error) return <AuthCard title="This reset link could not be opened"><Alert>{getErrorMessage(preview.error)}</Alert></AuthCard>;
  const { state, email } = preview.data;
  if (state !== "valid" || !email) {
    return <AuthCard title={ENDED[state === "valid" ? "unknown" : state].title} lead={ENDED[state === "valid" ? "unknown" : state].lead}><Link href="/signin">Sign in</Link></AuthCard>;
  }
  return (
    <AuthCard title="Set a new password" lead="Every browser signed in to this account will be signed out.">
      <NewAccountForm
        email={email}
        askName={false}
        submitLabel="Set password and sign in"
        isBusy={complete.isPending || complete.isSuccess}
        error={signInError ?? (complete.error ? getErrorMessage(complete.error) : undefined)}
        onSubmit={({ password }) => complete.mutate({ token, password })}
      />
    </AuthCard>
  );
}
