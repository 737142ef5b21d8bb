import { workspaceProcedure } from "../../trpc";
import { decideApprovalAudited } from "./decide-approval-audited";
import { ZDecideApprovalInput } from "./types";

export const approveRunProcedure = workspaceProcedure("run:approve")
  .input(ZDecideApprovalInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, runId, nodeId, comment } = input;
    return decideApprovalAudited(ctx.db, ctx.auditNote, { workspaceId, runId, nodeId, comment, actorId: ctx.user.id, decision: "approved" });
  });
