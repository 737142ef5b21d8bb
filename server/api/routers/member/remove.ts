import { removeMember } from "../../../services/member/remove-member";
import { memberProcedure } from "../../trpc";
import { ZRemoveMemberInput } from "./types";

export const removeMemberProcedure = memberProcedure("members:manage")
  .input(ZRemoveMemberInput)
  .mutation(({ ctx, input }) => removeMember(ctx.db, { workspaceId: input.workspaceId, actorRole: ctx.workspace.role, userId: input.userId }));
