import { changeMemberRole } from "../../../services/member/change-member-role";
import { memberProcedure } from "../../trpc";
import { ZChangeMemberRoleInput } from "./types";

export const changeMemberRoleProcedure = memberProcedure("members:manage")
  .input(ZChangeMemberRoleInput)
  .mutation(async ({ ctx, input }) => {
    const { workspaceId, userId, role } = input;
    const changed = await changeMemberRole(ctx.db, { workspaceId, actorRole: ctx.workspace.role, userId, role });
    Object.assign(ctx.auditNote, { before: { role: changed.previousRole }, after: { role: changed.role } });
    return { userId: changed.userId, role: changed.role };
  });
