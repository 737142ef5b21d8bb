import { AppError } from "../../../app-error";
import { auditedCreation } from "../../../audit/audit-note";
import { createGraph } from "../../../services/graph/create-graph";
import { workspaceProcedure } from "../../trpc";
import { ZCreateGraphInput } from "./types";

export const createGraphProcedure = workspaceProcedure("graph:create")
  .input(ZCreateGraphInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, name, spec } = input;
    if (ctx.workspace.graphIds.length > 0) throw new AppError("FORBIDDEN", "This API key is limited to a list of graphs: it cannot create graphs");
    return auditedCreation(ctx.auditNote, () => createGraph(ctx.db, { workspaceId, actorId: ctx.user.id, name, spec }), (graph) => ({ id: graph.id, name: graph.name }));
  });
