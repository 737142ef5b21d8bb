import { deleteGraph } from "../../../services/graph/delete-graph";
import { workspaceProcedure } from "../../trpc";
import { ZDeleteGraphInput } from "./types";

export const deleteGraphProcedure = workspaceProcedure("graph:delete")
  .input(ZDeleteGraphInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, graphId } = input;
    return deleteGraph(ctx.db, { workspaceId, graphId, actorId: ctx.user.id });
  });
