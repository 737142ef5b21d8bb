import { auditedDeletion } from "../../../audit/audit-note";
import { leaveWorkspace } from "../../../services/member/leave-workspace";
import { memberProcedure } from "../../trpc";
import { memberAuditState } from "./member-audit-state";
import { ZLeaveWorkspaceInput } from "./types";

/** Any member leaves on their own (the last owner cannot); an API key cannot take its creator out. */
export const leaveWorkspaceProcedure = memberProcedure("workspace:read")
  .input(ZLeaveWorkspaceInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId } = input;
    return auditedDeletion(
      ctx.auditNote,
      () => memberAuditState(ctx.db, { workspaceId, userId: ctx.user.id }),
      () => leaveWorkspace(ctx.db, { workspaceId, userId: ctx.user.id }),
    );
  });
