import type { TDbOrTx } from "../../db/client";
import { INVITATION_SUMMARY_SELECT, toInvitationSummary, type TInvitationSummary } from "./invitation-summary";

/** Invitations not yet accepted or revoked, newest first; expired ones stay listed (marked) until invited again. */
export async function listInvitations(db: TDbOrTx, options: { workspaceId: string; now?: Date }): Promise<TInvitationSummary[]> {
  const rows = await db.invitation.findMany({
    where: { workspaceId: options.workspaceId, acceptedAt: null, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: INVITATION_SUMMARY_SELECT,
  });
  const now = options.now ?? new Date();
  return rows.map((row) => toInvitationSummary(row, now));
}
