import type { TMailer } from "../../mail/mailer";
import { logger } from "../../telemetry/logger";

export type TInvitationMailResult = { status: "sent" } | { status: "not-configured" } | { status: "failed"; reason: string };

/**
 * Mails the invitation link when mail is configured. A failure does not undo the invitation: the inviter still has
 * the link on screen and is told why the mail did not go.
 */
export async function sendInvitationMail(
  mailer: TMailer | null,
  options: { to: string; link: string; workspaceName: string; invitedBy: string; role: string; expiresAt: Date },
): Promise<TInvitationMailResult> {
  if (!mailer) return { status: "not-configured" };
  const text = [
    `${options.invitedBy} invited you to the workspace "${options.workspaceName}" on OpenClaw Studio as ${options.role}.`,
    "",
    `Accept the invitation: ${options.link}`,
    "",
    `The link works once and expires on ${options.expiresAt.toUTCString()}.`,
  ].join("\n");
  try {
    await mailer.send({ to: options.to, subject: `Join ${options.workspaceName} on OpenClaw Studio`, text });
    return { status: "sent" };
  } catch (error) {
    logger.warn({ err: error }, "invitation mail failed");
    return { status: "failed", reason: error instanceof Error ? error.message : String(error) };
  }
}
