import type { TGraphSpec } from "@/lib/graph";
import type { TDbOrTx } from "../db/client";

export type TPluginPin = { pluginKey: string; pluginId: string; nodeTypes: string[] };

/**
 * What a version being published pins: for each installed plugin whose node types it uses, the stored plugin version
 * installed now and those node types. The runtime runs the version with them until another version is published,
 * whatever is installed later. Core and imported OpenClaw types are no installed plugin: nothing to pin.
 */
export async function findPluginPins(tx: TDbOrTx, options: { workspaceId: string; spec: TGraphSpec }): Promise<TPluginPin[]> {
  const typesByPlugin = new Map<string, Set<string>>();
  for (const node of options.spec.nodes) {
    const pluginKey = node.type.split("/")[0]!;
    typesByPlugin.set(pluginKey, (typesByPlugin.get(pluginKey) ?? new Set()).add(node.type));
  }
  const installs = await tx.pluginInstall.findMany({
    where: { workspaceId: options.workspaceId, pluginKey: { in: [...typesByPlugin.keys()] } },
    select: { pluginKey: true, pluginId: true },
    orderBy: { pluginKey: "asc" },
  });
  return installs.map((install) => ({ pluginKey: install.pluginKey, pluginId: install.pluginId, nodeTypes: [...typesByPlugin.get(install.pluginKey)!].sort() }));
}

/** Whether two versions run the same plugin versions. */
export function isSamePinning(a: Pick<TPluginPin, "pluginKey" | "pluginId">[], b: Pick<TPluginPin, "pluginKey" | "pluginId">[]): boolean {
  const key = (pins: Pick<TPluginPin, "pluginKey" | "pluginId">[]) => pins.map((pin) => `${pin.pluginKey}:${pin.pluginId}`).sort().join(",");
  return key(a) === key(b);
}
