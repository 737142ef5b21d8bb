import { OPENCLAW_CONFIG_NODE_TYPES, OPENCLAW_CONFIG_PLUGIN } from "@/lib/openclaw-config/config-node-types";
import type { TDbOrTx } from "../../db/client";
import { getWorkspaceNodeTypes } from "../../plugins/workspace-plugins";
import { listExternalNodeTypes } from "../openclaw/external-node-types";

/**
 * The palette: every node type a graph of this workspace can use, with its plugin, then imported OpenClaw metadata and
 * the openclaw.json node types (lib/openclaw-config), both drawn and validated but not runnable.
 */
export async function listNodeTypes(db: TDbOrTx, options: { workspaceId: string }) {
  const { registry, plugins } = await getWorkspaceNodeTypes(db, options.workspaceId);
  const pluginOf = new Map(plugins.map((plugin) => [plugin.pluginKey, plugin]));
  const runnable = registry.list().map((definition) => {
    const pluginKey = definition.type.split("/")[0]!;
    const plugin = pluginOf.get(pluginKey);
    return { ...definition, pluginKey, pluginName: plugin?.manifest.name ?? "Core", isSigned: plugin ? plugin.isSigned : true, isExternal: false, isRunnable: true, externalTools: [] as { name: string; description: string }[] };
  });
  const external = (await listExternalNodeTypes(db, options)).map((definition) => ({
    ...definition,
    pluginKey: definition.type.split("/")[0]!,
    pluginName: "External (OpenClaw)",
    isSigned: false,
    isExternal: true,
    isRunnable: false,
  }));
  const openClawConfig = OPENCLAW_CONFIG_NODE_TYPES.map((definition) => ({
    ...definition,
    pluginKey: OPENCLAW_CONFIG_PLUGIN,
    pluginName: "OpenClaw config (openclaw.json)",
    isSigned: false,
    isExternal: true,
    isRunnable: false,
    externalTools: [] as { name: string; description: string }[],
  }));
  return [...runnable, ...external, ...openClawConfig];
}
