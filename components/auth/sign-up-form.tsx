"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { AuthCard } from "./auth-card";
import { NewAccountForm } from "./new-account-form";
import { signInAndGo } from "./sign-in-after";

/** /signup: open only with STUDIO_SIGNUP=open; otherwise it says that accounts come from invitations. */
export function SignUpForm() {
  const trpc = useTRPC();
  const policy = useQuery(trpc.account.signUpPolicy.queryOptions());
  const [signInError, setSignInError] = useState<string>();
  const signUp = useMutation(
    trpc.account.signUp.mutationOptions({
      onSuccess: async ({ email }, { password }) => {
        if (!(await signInAndGo({ email, password, to: "/" }))) setSignInError("Your account is ready, but signing in failed. Sign in with it.");
      },
    }),
  );

  if (policy.isPending) return <AuthCard title="Create an account" />;
  if (policy.data?.signUp !== "open") {
    return (
      <AuthCard title="Sign-up is by invitation" lead="Ask a workspace admin to invite you; the invitation link lets you create your account.">
        <Link href="/signin">Back to sign in</Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Create an account" lead="Then create a workspace, or accept an invitation to one.">
      <NewAccountForm
        email={null}
        submitLabel="Create account"
        isBusy={signUp.isPending || signUp.isSuccess}
        error={signInError ?? (signUp.error ? getErrorMessage(signUp.error) : undefined)}
        onSubmit={(account) => signUp.mutate(account)}
      />
      <Link href="/signin">I have an account</Link>
    </AuthCard>
  );
}
