import type { TGraphSpec } from "@/lib/graph";
import { AppError } from "../app-error";
import { canOnPlugin, defineAbilityFor } from "@/lib/auth/abilities";
import type { TWorkspaceNodeTypes } from "./workspace-plugins";

/**
 * Before validation, which would only call their node types unknown: a node of an installed plugin that cannot run
 * (disabled, or unsigned while the workspace does not allow unsigned plugins) refuses the run naming the node, the
 * plugin and why.
 */
export function checkPluginsAvailable(spec: unknown, nodeTypes: Pick<TWorkspaceNodeTypes, "installed" | "allowUnsignedPlugins">): void {
  const ability = pluginUseAbility(nodeTypes.allowUnsignedPlugins);
  const byKey = new Map(nodeTypes.installed.map((plugin) => [plugin.pluginKey, plugin]));
  for (const node of listNodes(spec)) {
    const plugin = byKey.get(node.type.split("/")[0]!);
    if (!plugin || canOnPlugin(ability, "use", plugin)) continue;
    throw new AppError("FORBIDDEN", `Node "${node.name}" ${describeUnavailablePlugin(plugin, nodeTypes.allowUnsignedPlugins)}`);
  }
}

/** Why a node of this plugin cannot run: "uses the plugin acme-shout, which is unsigned, and ...". */
export function describeUnavailablePlugin(plugin: { pluginKey: string; isSigned: boolean }, allowUnsignedPlugins: boolean): string {
  const why = !plugin.isSigned && !allowUnsignedPlugins ? "is unsigned, and this workspace does not allow unsigned plugins" : "is disabled in this workspace";
  return `uses the plugin ${plugin.pluginKey}, which ${why}`;
}

/** A graph tagged `production` may not use unsigned plugins (abilities.ts decides). */
export function checkPluginUse(spec: TGraphSpec, nodeTypes: Pick<TWorkspaceNodeTypes, "plugins" | "allowUnsignedPlugins">): void {
  const ability = pluginUseAbility(nodeTypes.allowUnsignedPlugins);
  const byKey = new Map(nodeTypes.plugins.map((plugin) => [plugin.pluginKey, plugin]));
  for (const node of spec.nodes) {
    const plugin = byKey.get(node.type.split("/")[0]!);
    if (!plugin) continue;
    const facts = { isSigned: plugin.isSigned, publisher: plugin.manifest.publisher, isEnabled: true, environment: spec.settings.environment };
    if (!canOnPlugin(ability, "use", facts)) {
      throw new AppError("FORBIDDEN", `Node "${node.label || node.id}" uses the unsigned plugin ${plugin.pluginKey}, which graphs tagged "${spec.settings.environment}" may not use`);
    }
  }
}

/** Whether a plugin may run is the workspace's rule, whoever started the run (a person, a key, a trigger). */
function pluginUseAbility(allowUnsignedPlugins: boolean) {
  return defineAbilityFor({ userId: null, role: "viewer", apiKey: null, allowUnsignedPlugins });
}

/** The type and a name of each node of a spec not validated yet; anything malformed is validation's to report. */
function listNodes(spec: unknown): { type: string; name: string }[] {
  const nodes = (spec as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return [];
  return nodes.flatMap((node: { type?: unknown; label?: unknown; id?: unknown } | null) =>
    typeof node?.type === "string" ? [{ type: node.type, name: String(node.label || node.id) }] : [],
  );
}
