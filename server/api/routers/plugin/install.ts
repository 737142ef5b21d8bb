import type { TAuditNote } from "../../../audit/record-mutation";
import { noteChange } from "../../../audit/audit-note";
import { installPlugin } from "../../../services/plugin/install-plugin";
import { memberProcedure } from "../../trpc";
import { ZInstallFromFolderInput, ZInstallPluginInput } from "./types";

type TInstalled = Awaited<ReturnType<typeof installPlugin>>;

/** An install is a creation, an upgrade a change of version; grants and enabled state are what the install left. */
function noteInstall(note: TAuditNote, installed: TInstalled): TInstalled {
  const { pluginKey, previousVersion } = installed;
  const after = { pluginKey, version: installed.plugin.version, isSigned: installed.plugin.signedBy !== null, isEnabled: installed.isEnabled };
  noteChange(note, previousVersion === null ? null : { pluginKey, version: previousVersion }, after);
  return installed;
}

export const installPluginProcedure = memberProcedure("plugins:manage")
  .input(ZInstallPluginInput)
  .mutation(async ({ ctx, input }) => {
    const archive = Buffer.from(input.archiveBase64, "base64");
    return noteInstall(ctx.auditNote, await installPlugin(ctx.db, { workspaceId: input.workspaceId, actorId: ctx.user.id, role: ctx.workspace.role, archive }));
  });

/** Installs from a folder in `<data dir>/plugin-sources` on the server (for admins who deploy plugins with files). */
export const installPluginFromFolderProcedure = memberProcedure("plugins:manage")
  .input(ZInstallFromFolderInput)
  .mutation(async ({ ctx, input }) =>
    noteInstall(ctx.auditNote, await installPlugin(ctx.db, { workspaceId: input.workspaceId, actorId: ctx.user.id, role: ctx.workspace.role, folder: input.folder })),
  );
