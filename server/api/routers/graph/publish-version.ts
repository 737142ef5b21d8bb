import { publishGraphVersion } from "../../../services/graph/publish-graph-version";
import { workspaceProcedure } from "../../trpc";
import { ZPublishVersionInput } from "./types";

export const publishVersionProcedure = workspaceProcedure("graph:publish")
  .input(ZPublishVersionInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, graphId, message, draftRevision, acceptProblems } = input;
    return publishGraphVersion(ctx.db, { workspaceId, graphId, actorId: ctx.user.id, message, draftRevision, acceptProblems });
  });
