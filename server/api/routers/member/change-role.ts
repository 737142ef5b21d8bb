import { changeMemberRole } from "../../../services/member/change-member-role";
import { memberProcedure } from "../../trpc";
import { ZChangeMemberRoleInput } from "./types";

export const changeMemberRoleProcedure = memberProcedure("members:manage")
  .input(ZChangeMemberRoleInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, userId, role } = input;
    return changeMemberRole(ctx.db, { workspaceId, actorRole: ctx.workspace.role, userId, role });
  });
