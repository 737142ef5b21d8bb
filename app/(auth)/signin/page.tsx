import { SignInForm } from "@/components/auth/sign-in-form";
import { describeSignInError } from "@/lib/auth/sign-in-errors";
import { env } from "@/server/env";

export const metadata = { title: "Sign in · OpenClaw Studio" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  // Only same-site paths: a callbackUrl must never send a signed-in user to another site.
  const safeCallback = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  // Ids and names only: the browser never sees a client secret.
  const providers = env().STUDIO_OIDC_PROVIDERS.map(({ id, name }) => ({ id, name }));
  return <SignInForm callbackUrl={safeCallback} providers={providers} initialError={describeSignInError(error)} />;
}
