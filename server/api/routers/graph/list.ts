import { visibleGraphsWhere } from "../../../auth/graph-access";
import { listGraphs } from "../../../services/graph/list-graphs";
import { workspaceProcedure } from "../../trpc";
import { ZListGraphsInput } from "./types";

export const listGraphsProcedure = workspaceProcedure("graph:read")
  .input(ZListGraphsInput)
  .query(({ ctx, input }) => listGraphs(ctx.db, { workspaceId: input.workspaceId, tags: input.tags, visible: visibleGraphsWhere(ctx.workspace.ability) }));
