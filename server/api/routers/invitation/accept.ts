import { noteChange } from "../../../audit/audit-note";
import { acceptInvitation } from "../../../services/invitation/accept-invitation";
import { authedProcedure } from "../../trpc";
import { ZInvitationTokenInput } from "./types";

/** A signed-in user whose email is the invited one joins at once. Audited as the membership it left. */
export const acceptInvitationProcedure = authedProcedure.input(ZInvitationTokenInput).mutation(async ({ ctx, input }) => {
  const joined = await ctx.db.$transaction((tx) => acceptInvitation(tx, { token: input.token, user: ctx.user }));
  const membership = await ctx.db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: joined.workspaceId, userId: ctx.user.id } }, select: { role: true } });
  noteChange(ctx.auditNote, null, { workspaceId: joined.workspaceId, workspaceSlug: joined.workspaceSlug, email: ctx.user.email, role: membership?.role ?? null });
  return joined;
});
