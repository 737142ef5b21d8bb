import { renameGraph } from "../../../services/graph/rename-graph";
import { workspaceProcedure } from "../../trpc";
import { ZRenameGraphInput } from "./types";

export const renameGraphProcedure = workspaceProcedure("graph:update")
  .input(ZRenameGraphInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, graphId, name } = input;
    return renameGraph(ctx.db, { workspaceId, graphId, actorId: ctx.user.id, name });
  });
