import type { TDbOrTx } from "../../db/client";
import { getWorkspaceNodeTypes } from "../../plugins/workspace-plugins";

/** The palette: every node type a graph of this workspace can use, with the plugin it comes from. */
export async function listNodeTypes(db: TDbOrTx, options: { workspaceId: string }) {
  const { registry, plugins } = await getWorkspaceNodeTypes(db, options.workspaceId);
  const pluginOf = new Map(plugins.map((plugin) => [plugin.pluginKey, plugin]));
  return registry.list().map((definition) => {
    const pluginKey = definition.type.split("/")[0]!;
    const plugin = pluginOf.get(pluginKey);
    return { ...definition, pluginKey, pluginName: plugin?.manifest.name ?? "Core", isSigned: plugin ? plugin.isSigned : true, isExternal: false, isRunnable: true };
  });
}
