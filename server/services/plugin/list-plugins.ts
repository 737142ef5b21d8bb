import type { TPluginManifest } from "@/lib/plugins/manifest";
import type { TDbOrTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { CORE_PLUGIN_MANIFEST } from "../../plugins/builtin/core-manifest";

/**
 * The built-in core plugin and every plugin installed in the workspace, with signer, state, grants, and which published
 * versions of the graphs the caller sees (`visible`) pin which version of it.
 */
export async function listPlugins(db: TDbOrTx, options: { workspaceId: string; visible: Prisma.GraphWhereInput }) {
  const installs = await db.pluginInstall.findMany({
    where: { workspaceId: options.workspaceId },
    orderBy: { pluginKey: "asc" },
    select: { pluginKey: true, isEnabled: true, grants: true, createdAt: true, plugin: { select: { version: true, name: true, publisher: true, signedBy: true, manifest: true } } },
  });
  const pins = await listPluginPins(db, { ...options, pluginKeys: installs.map((install) => install.pluginKey) });
  const core = CORE_PLUGIN_MANIFEST;
  return [
    { pluginKey: core.id, name: core.name, version: core.version, publisher: core.publisher, description: core.description, isBuiltin: true, isEnabled: true, signedBy: "built-in", nodeTypeCount: core.nodeTypes.length, permissions: core.permissions, grants: { egress: [] as string[], secrets: [] as string[] }, installedAt: null as Date | null, pins: [] as TPinUse[] },
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
        pins: pins.get(install.pluginKey) ?? [],
      };
    }),
  ];
}

type TPinUse = { graphId: string; graphName: string; versionNumber: number; version: string };

async function listPluginPins(db: TDbOrTx, options: { workspaceId: string; visible: Prisma.GraphWhereInput; pluginKeys: string[] }) {
  const rows = await db.graphVersionPluginPin.findMany({
    where: { pluginKey: { in: options.pluginKeys }, graphVersion: { graph: { AND: [{ workspaceId: options.workspaceId, deletedAt: null }, options.visible] } } },
    orderBy: [{ graphVersion: { graph: { name: "asc" } } }, { graphVersion: { number: "desc" } }],
    select: { pluginKey: true, plugin: { select: { version: true } }, graphVersion: { select: { number: true, graph: { select: { id: true, name: true } } } } },
  });
  const byPlugin = new Map<string, TPinUse[]>();
  for (const row of rows) {
    const use = { graphId: row.graphVersion.graph.id, graphName: row.graphVersion.graph.name, versionNumber: row.graphVersion.number, version: row.plugin.version };
    byPlugin.set(row.pluginKey, [...(byPlugin.get(row.pluginKey) ?? []), use]);
  }
  return byPlugin;
}
