import { removeMember } from "../../../services/member/remove-member";
import { workspaceProcedure } from "../../trpc";
import { ZRemoveMemberInput } from "./types";

export const removeMemberProcedure = workspaceProcedure("members:manage")
  .input(ZRemoveMemberInput)
  .mutation(({ ctx, input }) => removeMember(ctx.db, { workspaceId: input.workspaceId, actorRole: ctx.workspace.role, userId: input.userId }));
