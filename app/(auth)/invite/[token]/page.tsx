import type { Metadata } from "next";
import { InvitationPage } from "@/components/auth/invitation-page";

// The token is in the path: never send it to another site in a Referer header.
export const metadata: Metadata = { title: "Invitation · OpenClaw Studio", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <InvitationPage token={token} />;
}
