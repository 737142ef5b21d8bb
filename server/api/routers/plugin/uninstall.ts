import { uninstallPlugin } from "../../../services/plugin/uninstall-plugin";
import { memberProcedure } from "../../trpc";
import { ZPluginRefInput } from "./types";

export const uninstallPluginProcedure = memberProcedure("plugins:manage")
  .input(ZPluginRefInput)
  .mutation(({ ctx, input }) => uninstallPlugin(ctx.db, { workspaceId: input.workspaceId, role: ctx.workspace.role, pluginKey: input.pluginKey }));
