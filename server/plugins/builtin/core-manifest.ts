// The built-in `core` plugin, described in the same manifest format as third-party plugins. Its code ships with the
// studio (server/runtime/nodes/core), so it is marked built-in instead of signed.
import { ZPluginManifest, type TPluginManifest } from "@/lib/plugins/manifest";
import { ALL_CORE_NODE_DEFINITIONS } from "./core-node-definitions";

export const CORE_PLUGIN_MANIFEST: TPluginManifest = ZPluginManifest.parse({
  id: "core",
  name: "Core",
  version: "1.0.0",
  publisher: "openclaw-studio",
  description: "Control nodes (input, output, templates, branches, joins, maps, loops, waits, sub-graphs), code, agents, models, tools and memory.",
  nodeTypes: ALL_CORE_NODE_DEFINITIONS.map((definition) => ({
    name: definition.type.slice("core/".length),
    version: definition.version,
    title: definition.title,
    category: definition.category,
    icon: definition.icon,
    description: definition.description,
    inputs: definition.inputs,
    outputs: definition.outputs,
    configSchema: definition.configSchema,
    uiHints: definition.uiHints,
    sideEffects: definition.sideEffects,
  })),
  permissions: { egress: [], secrets: [] },
});
