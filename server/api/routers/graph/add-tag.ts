import { addGraphTag } from "../../../services/graph/add-graph-tag";
import { workspaceProcedure } from "../../trpc";
import { ZGraphTagInput } from "./types";

export const addGraphTagProcedure = workspaceProcedure("graph:update")
  .input(ZGraphTagInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, graphId, tag } = input;
    return addGraphTag(ctx.db, { workspaceId, graphId, actorId: ctx.user.id, tag });
  });
