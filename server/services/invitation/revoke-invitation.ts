import { AppError, notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { INVITATION_SUMMARY_SELECT, toInvitationSummary, type TInvitationSummary } from "./invitation-summary";

/** Revokes an invitation of this workspace (another workspace's is NOT_FOUND); an accepted one cannot be revoked. */
export async function revokeInvitation(db: TDbOrTx, options: { workspaceId: string; invitationId: string; now?: Date }): Promise<TInvitationSummary> {
  const { workspaceId, invitationId } = options;
  const now = options.now ?? new Date();
  await db.invitation.updateMany({ where: { id: invitationId, workspaceId, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const row = await db.invitation.findFirst({ where: { id: invitationId, workspaceId }, select: INVITATION_SUMMARY_SELECT });
  if (!row) throw notFound("Invitation");
  if (row.acceptedAt) throw new AppError("CONFLICT", "This invitation was already accepted; remove the member instead");
  return toInvitationSummary(row, now);
}
