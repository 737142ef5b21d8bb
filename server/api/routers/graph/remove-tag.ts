import { removeGraphTag } from "../../../services/graph/remove-graph-tag";
import { workspaceProcedure } from "../../trpc";
import { ZGraphTagInput } from "./types";

export const removeGraphTagProcedure = workspaceProcedure("graph:update")
  .input(ZGraphTagInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, graphId, tag } = input;
    return removeGraphTag(ctx.db, { workspaceId, graphId, actorId: ctx.user.id, tag });
  });
