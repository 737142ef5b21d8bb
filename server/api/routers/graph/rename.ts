import { auditedChange } from "../../../audit/audit-note";
import { renameGraph } from "../../../services/graph/rename-graph";
import { workspaceProcedure } from "../../trpc";
import { graphAuditState } from "./graph-audit-state";
import { ZRenameGraphInput } from "./types";

export const renameGraphProcedure = workspaceProcedure("graph:update")
  .input(ZRenameGraphInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, graphId, name } = input;
    return auditedChange(ctx.auditNote, {
      before: () => graphAuditState(ctx.db, { workspaceId, graphId }, ["name"]),
      run: () => renameGraph(ctx.db, { workspaceId, graphId, actorId: ctx.user.id, name }),
      after: (graph) => ({ name: graph.name }),
    });
  });
