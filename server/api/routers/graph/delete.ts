import { auditedDeletion } from "../../../audit/audit-note";
import { deleteGraph } from "../../../services/graph/delete-graph";
import { workspaceProcedure } from "../../trpc";
import { graphAuditState } from "./graph-audit-state";
import { ZDeleteGraphInput } from "./types";

export const deleteGraphProcedure = workspaceProcedure("graph:delete")
  .input(ZDeleteGraphInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, graphId } = input;
    return auditedDeletion(
      ctx.auditNote,
      () => graphAuditState(ctx.db, { workspaceId, graphId }, ["name", "tags", "version"]),
      () => deleteGraph(ctx.db, { workspaceId, graphId, actorId: ctx.user.id }),
    );
  });
