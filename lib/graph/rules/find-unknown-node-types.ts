import { getNodeName } from "../get-node-name";
import type { TNodeTypeRegistry } from "../node-type";
import type { TGraphProblem } from "../problem";
import type { TGraphSpec } from "../spec";

/** Every node's type must be installed; the other type-aware rules skip such nodes, so this is their one report. */
export function findUnknownNodeTypes(spec: TGraphSpec, registry: TNodeTypeRegistry): TGraphProblem[] {
  const problems: TGraphProblem[] = [];
  spec.nodes.forEach((node, index) => {
    if (registry.get(node.type)) return;
    problems.push({
      code: "UNKNOWN_NODE_TYPE",
      message: `"${getNodeName(node)}" has the node type "${node.type}", which is not installed`,
      path: ["nodes", index, "type"],
      nodeId: node.id,
    });
  });
  return problems;
}
