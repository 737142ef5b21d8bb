import { grantPluginPermissions } from "../../../services/plugin/grant-plugin-permissions";
import { memberProcedure } from "../../trpc";
import { ZGrantPermissionsInput } from "./types";

export const grantPluginPermissionsProcedure = memberProcedure("plugins:manage")
  .input(ZGrantPermissionsInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, pluginKey, grants } = input;
    return grantPluginPermissions(ctx.db, { workspaceId, role: ctx.workspace.role, pluginKey, grants });
  });
