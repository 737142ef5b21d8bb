import { noteChange } from "../../../audit/audit-note";
import { env } from "../../../env";
import { createInvitation } from "../../../services/invitation/create-invitation";
import { sendInvitationMail } from "../../../services/invitation/send-invitation-mail";
import { memberProcedure } from "../../trpc";
import { ZCreatedInvitation, ZCreateInvitationInput } from "./types";

/** Signed-in members with members:manage; the link is in the answer once, and mailed too when SMTP_URL is set. */
export const createInvitationProcedure = memberProcedure("members:manage")
  .input(ZCreateInvitationInput)
  .output(ZCreatedInvitation)
  .mutation(async ({ ctx, input }) => {
    const { workspaceId, email, role, expiresInDays } = input;
    const { invitation, token, workspaceName } = await createInvitation(ctx.db, {
      workspaceId,
      actorId: ctx.user.id,
      actorRole: ctx.workspace.role,
      email,
      role,
      expiresInDays,
    });
    noteChange(ctx.auditNote, null, { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt });
    const link = `${env().publicUrl}/invite/${token}`;
    const mail = await sendInvitationMail(ctx.mailer, { to: invitation.email, link, workspaceName, invitedBy: invitation.invitedBy, role, expiresAt: invitation.expiresAt });
    return { invitation, link, mail };
  });
