import { notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import type { TPluginManifest } from "@/lib/plugins/manifest";

/** Scoped lookup of an installed plugin by its key; another workspace's install is the same NOT_FOUND. */
export async function findPluginInstallOrThrow(db: TDbOrTx, options: { workspaceId: string; pluginKey: string }) {
  const install = await db.pluginInstall.findUnique({
    where: { workspaceId_pluginKey: { workspaceId: options.workspaceId, pluginKey: options.pluginKey } },
    select: { id: true, pluginKey: true, isEnabled: true, grants: true, plugin: { select: { version: true, publisher: true, signedBy: true, manifest: true } } },
  });
  if (!install) throw notFound(`Plugin ${options.pluginKey}`);
  return { ...install, manifest: install.plugin.manifest as TPluginManifest, grants: install.grants as { egress: string[]; secrets: string[] } };
}
