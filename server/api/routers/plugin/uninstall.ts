import { uninstallPlugin } from "../../../services/plugin/uninstall-plugin";
import { workspaceProcedure } from "../../trpc";
import { ZPluginRefInput } from "./types";

export const uninstallPluginProcedure = workspaceProcedure("plugins:manage")
  .input(ZPluginRefInput)
  .mutation(({ ctx, input }) => uninstallPlugin(ctx.db, { workspaceId: input.workspaceId, role: ctx.workspace.role, pluginKey: input.pluginKey }));
