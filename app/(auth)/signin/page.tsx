import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata = { title: "Sign in · OpenClaw Studio" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths: a callbackUrl must never send a signed-in user to another site.
  const safeCallback = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return <SignInForm callbackUrl={safeCallback} />;
}
