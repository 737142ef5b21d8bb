import { saveGraphDraft } from "../../../services/graph/save-graph-draft";
import { workspaceProcedure } from "../../trpc";
import { ZSaveDraftInput } from "./types";

export const saveDraftProcedure = workspaceProcedure("graph:update")
  .input(ZSaveDraftInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, graphId, spec, baseRevision, clientId } = input;
    return saveGraphDraft(ctx.db, { workspaceId, graphId, actorId: ctx.user.id, spec, baseRevision, clientId });
  });
