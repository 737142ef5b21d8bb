import type { TGraphProblem } from "../problem";
import type { TGraphSpec } from "../spec";

/** Node ids must be unique among nodes, edge ids among edges. */
export function findDuplicateIds(spec: TGraphSpec): TGraphProblem[] {
  const problems: TGraphProblem[] = [];
  const seenNodes = new Set<string>();
  spec.nodes.forEach((node, index) => {
    if (seenNodes.has(node.id)) {
      problems.push({
        code: "DUPLICATE_NODE_ID",
        message: `Node id "${node.id}" is used more than once`,
        path: ["nodes", index, "id"],
        nodeId: node.id,
      });
    }
    seenNodes.add(node.id);
  });
  const seenEdges = new Set<string>();
  spec.edges.forEach((edge, index) => {
    if (seenEdges.has(edge.id)) {
      problems.push({
        code: "DUPLICATE_EDGE_ID",
        message: `Edge id "${edge.id}" is used more than once`,
        path: ["edges", index, "id"],
        edgeId: edge.id,
      });
    }
    seenEdges.add(edge.id);
  });
  return problems;
}
