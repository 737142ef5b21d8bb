import { auditedChange } from "../../../audit/audit-note";
import { invitationState } from "../../../services/invitation/invitation-summary";
import { revokeInvitation } from "../../../services/invitation/revoke-invitation";
import { memberProcedure } from "../../trpc";
import { ZInvitationSummary, ZRevokeInvitationInput } from "./types";

export const revokeInvitationProcedure = memberProcedure("members:manage")
  .input(ZRevokeInvitationInput)
  .output(ZInvitationSummary)
  .mutation(({ ctx, input }) => {
    const { workspaceId, invitationId } = input;
    return auditedChange(ctx.auditNote, {
      before: async () => {
        const row = await ctx.db.invitation.findFirst({
          where: { id: invitationId, workspaceId },
          select: { email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true },
        });
        return row && { email: row.email, role: row.role, state: invitationState(row, new Date()) };
      },
      run: () => revokeInvitation(ctx.db, { workspaceId, invitationId }),
      after: (invitation) => ({ email: invitation.email, role: invitation.role, state: invitation.state }),
    });
  });
