import { installPlugin } from "../../../services/plugin/install-plugin";
import { memberProcedure } from "../../trpc";
import { ZInstallFromFolderInput, ZInstallPluginInput } from "./types";

export const installPluginProcedure = memberProcedure("plugins:manage")
  .input(ZInstallPluginInput)
  .mutation(({ ctx, input }) =>
    installPlugin(ctx.db, { workspaceId: input.workspaceId, actorId: ctx.user.id, role: ctx.workspace.role, archive: Buffer.from(input.archiveBase64, "base64") }),
  );

/** Installs from a folder in `<data dir>/plugin-sources` on the server (for admins who deploy plugins with files). */
export const installPluginFromFolderProcedure = memberProcedure("plugins:manage")
  .input(ZInstallFromFolderInput)
  .mutation(({ ctx, input }) => installPlugin(ctx.db, { workspaceId: input.workspaceId, actorId: ctx.user.id, role: ctx.workspace.role, folder: input.folder }));
