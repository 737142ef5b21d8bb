import type { TPluginManifest } from "@/lib/plugins/manifest";
import type { TDbOrTx } from "../../db/client";
import { CORE_PLUGIN_MANIFEST } from "../../plugins/builtin/core-manifest";

/** The built-in core plugin and every plugin installed in the workspace, with signer, state and grants. */
export async function listPlugins(db: TDbOrTx, options: { workspaceId: string }) {
  const installs = await db.pluginInstall.findMany({
    where: { workspaceId: options.workspaceId },
    orderBy: { pluginKey: "asc" },
    select: { pluginKey: true, isEnabled: true, grants: true, createdAt: true, plugin: { select: { version: true, name: true, publisher: true, signedBy: true, manifest: true } } },
  });
  const core = CORE_PLUGIN_MANIFEST;
  return [
    { pluginKey: core.id, name: core.name, version: core.version, publisher: core.publisher, description: core.description, isBuiltin: true, isEnabled: true, signedBy: "built-in", nodeTypeCount: core.nodeTypes.length, permissions: core.permissions, grants: { egress: [] as string[], secrets: [] as string[] }, installedAt: null as Date | null },
    ...installs.map(({ plugin, ...install }) => {
      const manifest = plugin.manifest as TPluginManifest;
      return {
        pluginKey: install.pluginKey,
        name: plugin.name,
        version: plugin.version,
        publisher: plugin.publisher,
        description: manifest.description,
        isBuiltin: false,
        isEnabled: install.isEnabled,
        signedBy: plugin.signedBy,
        nodeTypeCount: manifest.nodeTypes.length,
        permissions: manifest.permissions,
        grants: install.grants as { egress: string[]; secrets: string[] },
        installedAt: install.createdAt,
      };
    }),
  ];
}
