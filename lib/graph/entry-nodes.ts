import type { TNodeTypeRegistry } from "./node-type";
import type { TGraphNode, TGraphSpec } from "./spec";

const ENTRY_CATEGORIES = new Set(["io", "trigger"]);

/**
 * The nodes a run can be started at: enabled Input and trigger nodes (Webhook, Schedule, a plugin's trigger), whose
 * types take no input. A run starts at one of them only (run.start's `startNodeId`; the editor's Run form offers them).
 */
export function findEntryNodes(spec: Pick<TGraphSpec, "nodes">, registry: TNodeTypeRegistry): TGraphNode[] {
  return spec.nodes.filter((node) => {
    const definition = registry.get(node.type);
    return !node.disabled && definition !== undefined && ENTRY_CATEGORIES.has(definition.category) && definition.inputs.length === 0;
  });
}
