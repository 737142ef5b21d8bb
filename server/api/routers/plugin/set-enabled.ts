import { setPluginEnabled } from "../../../services/plugin/set-plugin-enabled";
import { memberProcedure } from "../../trpc";
import { ZSetPluginEnabledInput } from "./types";

export const setPluginEnabledProcedure = memberProcedure("plugins:manage")
  .input(ZSetPluginEnabledInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, pluginKey, isEnabled } = input;
    return setPluginEnabled(ctx.db, { workspaceId, role: ctx.workspace.role, pluginKey, isEnabled });
  });
