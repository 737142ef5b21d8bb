import { decideApproval } from "../../../services/run/decide-approval";
import { workspaceProcedure } from "../../trpc";
import { ZDecideApprovalInput } from "./types";

export const approveRunProcedure = workspaceProcedure("run:approve")
  .input(ZDecideApprovalInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, runId, nodeId, comment } = input;
    return decideApproval(ctx.db, { workspaceId, runId, nodeId, comment, actorId: ctx.user.id, decision: "approved" });
  });
