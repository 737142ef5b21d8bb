import { noteChange } from "../../../audit/audit-note";
import { env } from "../../../env";
import { issuePasswordReset } from "../../../services/password-reset/issue-password-reset";
import { memberProcedure } from "../../trpc";
import { ZIssuePasswordResetInput } from "./types";

/** Signed-in members with members:manage; the link is in the answer once, for the admin to hand over (never audited). */
export const issuePasswordResetProcedure = memberProcedure("members:manage")
  .input(ZIssuePasswordResetInput)
  .mutation(async ({ ctx, input }) => {
    const { token, email, expiresAt } = await issuePasswordReset(ctx.db, { workspaceId: input.workspaceId, actorId: ctx.user.id, userId: input.userId });
    noteChange(ctx.auditNote, null, { resetLinkFor: email, expiresAt });
    return { link: `${env().publicUrl}/reset/${token}`, email, expiresAt };
  });
