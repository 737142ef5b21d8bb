import { revokeInvitation } from "../../../services/invitation/revoke-invitation";
import { memberProcedure } from "../../trpc";
import { ZInvitationSummary, ZRevokeInvitationInput } from "./types";

export const revokeInvitationProcedure = memberProcedure("members:manage")
  .input(ZRevokeInvitationInput)
  .output(ZInvitationSummary)
  .mutation(({ ctx, input }) => revokeInvitation(ctx.db, { workspaceId: input.workspaceId, invitationId: input.invitationId }));
