import type { Metadata } from "next";
import { PasswordResetPage } from "@/components/auth/password-reset-page";

// The token is in the path: never send it to another site in a Referer header.
export const metadata: Metadata = { title: "Reset password · OpenClaw Studio", referrer: "no-referrer" };

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <PasswordResetPage token={token} />;
}
