"use client";

import { signIn } from "next-auth/react";

/** After an account is created or its password reset: sign in with what the person just typed, then go on. */
export async function signInAndGo(options: { email: string; password: string; to: string }): Promise<boolean> {
  const result = await signIn("credentials", { redirect: false, email: options.email, password: options.password }).catch(() => undefined);
  if (!result?.ok || result.error) return false;
  window.location.assign(options.to);
  return true;
}
