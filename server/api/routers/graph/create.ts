import { AppError } from "../../../app-error";
import { createGraph } from "../../../services/graph/create-graph";
import { workspaceProcedure } from "../../trpc";
import { ZCreateGraphInput } from "./types";

export const createGraphProcedure = workspaceProcedure("graph:create")
  .input(ZCreateGraphInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, name, spec } = input;
    if (ctx.workspace.graphIds.length > 0) throw new AppError("FORBIDDEN", "This API key is limited to a list of graphs: it cannot create graphs");
    return createGraph(ctx.db, { workspaceId, actorId: ctx.user.id, name, spec });
  });
