"use client";

import { useQuery } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useState } from "react";
import { describeSignInError } from "@/lib/auth/sign-in-errors";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, TextInput } from "../ui/text-input";
import styles from "./sign-in.module.css";

type TProviderButton = { id: string; name: string };

export function SignInForm(props: { callbackUrl: string; providers: TProviderButton[]; initialError: string | undefined }) {
  const { callbackUrl, providers } = props;
  const [error, setError] = useState(props.initialError);
  const [isBusy, setIsBusy] = useState(false);
  const trpc = useTRPC();
  const policy = useQuery(trpc.account.signUpPolicy.queryOptions());

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsBusy(true);
    setError(undefined);
    const result = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    }).catch(() => undefined);
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setIsBusy(false);
    // One answer for an unknown email and a wrong password.
    if (result?.status === 429) setError(describeSignInError("TooManyAttempts"));
    else setError(result ? "Email or password is incorrect." : "The studio could not be reached. Try again.");
  }

  // The browser leaves for the provider; next-auth brings it back to callbackUrl, or here with ?error=.
  async function onProviderSignIn(providerId: string) {
    setIsBusy(true);
    setError(undefined);
    await signIn(providerId, { callbackUrl }).catch(() => {
      setIsBusy(false);
      setError("The studio could not be reached. Try again.");
    });
  }

  return (
    <main className={styles.page}>
      <form className={styles.card} onSubmit={onSubmit} aria-labelledby="signin-title">
        <div className={styles.brand}>
          <h1 id="signin-title">Sign in to OpenClaw Studio</h1>
          <p>Design, run and watch agent graphs.</p>
        </div>
        <Field label="Email">
          <TextInput name="email" type="email" autoComplete="username" required autoFocus />
        </Field>
        <Field label="Password">
          <TextInput name="password" type="password" autoComplete="current-password" required />
        </Field>
        <div className={styles.errorSlot}>{error && <Alert>{error}</Alert>}</div>
        <Button type="submit" variant="primary" disabled={isBusy}>
          {isBusy ? "Signing in…" : "Sign in"}
        </Button>
        {providers.length > 0 && (
          <div className={styles.providers}>
            <p className={styles.divider}>or</p>
            {providers.map((provider) => (
              <Button key={provider.id} disabled={isBusy} onClick={() => void onProviderSignIn(provider.id)}>
                Sign in with {provider.name}
              </Button>
            ))}
          </div>
        )}
        {policy.data?.signUp === "open"
          ? <Link href="/signup">Create an account</Link>
          : <p className={styles.hint}>New here? Ask a workspace admin for an invitation link.</p>}
      </form>
    </main>
  );
}
