import { installPlugin } from "../../../services/plugin/install-plugin";
import { workspaceProcedure } from "../../trpc";
import { ZInstallPluginInput } from "./types";

export const installPluginProcedure = workspaceProcedure("plugins:manage")
  .input(ZInstallPluginInput)
  .mutation(({ ctx, input }) =>
    installPlugin(ctx.db, { workspaceId: input.workspaceId, actorId: ctx.user.id, role: ctx.workspace.role, archive: Buffer.from(input.archiveBase64, "base64") }),
  );
