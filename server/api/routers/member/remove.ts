import { auditedDeletion } from "../../../audit/audit-note";
import { removeMember } from "../../../services/member/remove-member";
import { memberProcedure } from "../../trpc";
import { memberAuditState } from "./member-audit-state";
import { ZRemoveMemberInput } from "./types";

export const removeMemberProcedure = memberProcedure("members:manage")
  .input(ZRemoveMemberInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, userId } = input;
    return auditedDeletion(
      ctx.auditNote,
      () => memberAuditState(ctx.db, { workspaceId, userId }),
      () => removeMember(ctx.db, { workspaceId, actorRole: ctx.workspace.role, userId }),
    );
  });
