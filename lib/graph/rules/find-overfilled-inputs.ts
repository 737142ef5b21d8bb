import { getNodeName } from "../get-node-name";
import type { TNodeTypeRegistry } from "../node-type";
import type { TGraphProblem } from "../problem";
import { resolveEdges, type TResolvedEdge } from "../resolve-edges";
import type { TGraphSpec } from "../spec";

/**
 * An input takes one edge unless its definition says `acceptsMany` (an Agent's tools): with two, which message
 * activates the node would depend on timing. Reported once per input, at its second edge (the first one too many).
 */
export function findOverfilledInputs(spec: TGraphSpec, registry: TNodeTypeRegistry): TGraphProblem[] {
  const edgesByInput = new Map<string, TResolvedEdge[]>();
  for (const resolved of resolveEdges(spec, registry)) {
    if (!resolved.target?.port || resolved.target.port.acceptsMany) continue;
    const key = JSON.stringify([resolved.edge.target.node, resolved.edge.target.port]);
    const edges = edgesByInput.get(key) ?? [];
    edges.push(resolved);
    edgesByInput.set(key, edges);
  }
  const problems: TGraphProblem[] = [];
  for (const edges of edgesByInput.values()) {
    const [first, second] = edges;
    if (!first?.target || !second) continue;
    problems.push({
      code: "TOO_MANY_EDGES",
      message: `The input "${first.edge.target.port}" of "${getNodeName(first.target.node)}" takes one edge, but ${edges.length} end there`,
      path: ["edges", second.edgeIndex, "target"],
      edgeId: second.edge.id,
    });
  }
  return problems;
}
