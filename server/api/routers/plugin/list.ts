import { visibleGraphsWhere } from "../../../auth/graph-access";
import { listPlugins } from "../../../services/plugin/list-plugins";
import { workspaceProcedure } from "../../trpc";
import { ZListPluginsInput } from "./types";

export const listPluginsProcedure = workspaceProcedure("graph:read")
  .input(ZListPluginsInput)
  .query(({ ctx, input }) => listPlugins(ctx.db, { workspaceId: input.workspaceId, visible: visibleGraphsWhere(ctx.workspace.ability) }));
