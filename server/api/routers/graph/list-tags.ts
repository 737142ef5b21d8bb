import { visibleGraphsWhere } from "../../../auth/graph-access";
import { listGraphTags } from "../../../services/graph/list-graph-tags";
import { workspaceProcedure } from "../../trpc";
import { ZListGraphTagsInput } from "./types";

export const listGraphTagsProcedure = workspaceProcedure("graph:read")
  .input(ZListGraphTagsInput)
  .query(({ ctx, input }) => listGraphTags(ctx.db, { workspaceId: input.workspaceId, visible: visibleGraphsWhere(ctx.workspace.ability) }));
