import { z } from "zod";
import { ZWorkspaceId } from "../../trpc";

const ZPluginKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$/);
/** A .tgz is at most 20 MB; base64 adds a third. */
const MAX_ARCHIVE_BASE64 = Math.ceil((20 * 1024 * 1024 * 4) / 3) + 4;

export const ZListPluginsInput = z.object({ workspaceId: ZWorkspaceId }).strict();
export const ZInstallPluginInput = z.object({ workspaceId: ZWorkspaceId, archiveBase64: z.base64().max(MAX_ARCHIVE_BASE64) }).strict();
export const ZPluginRefInput = z.object({ workspaceId: ZWorkspaceId, pluginKey: ZPluginKey }).strict();
export const ZSetPluginEnabledInput = z.object({ workspaceId: ZWorkspaceId, pluginKey: ZPluginKey, isEnabled: z.boolean() }).strict();
export const ZGrantPermissionsInput = z
  .object({
    workspaceId: ZWorkspaceId,
    pluginKey: ZPluginKey,
    grants: z.object({ egress: z.array(z.string().max(260)).max(50), secrets: z.array(z.string().max(64)).max(50) }).strict(),
  })
  .strict();
export const ZAddTrustedKeyInput = z
  .object({ workspaceId: ZWorkspaceId, publisher: z.string().trim().min(1).max(64), publicKey: z.string().trim().min(40).max(200) })
  .strict();
export const ZRemoveTrustedKeyInput = z.object({ workspaceId: ZWorkspaceId, keyId: z.string().min(1).max(64) }).strict();
export const ZSetAllowUnsignedInput = z.object({ workspaceId: ZWorkspaceId, isAllowed: z.boolean() }).strict();
export const ZInstallFromFolderInput = z.object({ workspaceId: ZWorkspaceId, folder: z.string().min(1).max(128) }).strict();
