import type { TNodeTypeDefinition } from "@/lib/graph";
import type { TPluginManifest } from "@/lib/plugins/manifest";

/** The node type definitions a manifest contributes, named `<plugin id>/<node type name>`. */
export function getManifestNodeTypes(manifest: TPluginManifest): TNodeTypeDefinition[] {
  return manifest.nodeTypes.map((nodeType) => ({
    type: `${manifest.id}/${nodeType.name}`,
    version: nodeType.version,
    title: nodeType.title,
    category: nodeType.category,
    icon: nodeType.icon,
    description: nodeType.description,
    inputs: nodeType.inputs,
    outputs: nodeType.outputs,
    configSchema: nodeType.configSchema,
    uiHints: nodeType.uiHints,
    sideEffects: nodeType.sideEffects,
  }));
}
