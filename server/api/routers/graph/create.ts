import { createGraph } from "../../../services/graph/create-graph";
import { workspaceProcedure } from "../../trpc";
import { ZCreateGraphInput } from "./types";

export const createGraphProcedure = workspaceProcedure("graph:create")
  .input(ZCreateGraphInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, name, spec } = input;
    return createGraph(ctx.db, { workspaceId, actorId: ctx.user.id, name, spec });
  });
