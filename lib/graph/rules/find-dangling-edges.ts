import type { TGraphProblem } from "../problem";
import type { TGraphSpec } from "../spec";

/** Every edge must start and end at a node of the graph. */
export function findDanglingEdges(spec: TGraphSpec): TGraphProblem[] {
  const nodeIds = new Set(spec.nodes.map((node) => node.id));
  const problems: TGraphProblem[] = [];
  spec.edges.forEach((edge, index) => {
    for (const end of ["source", "target"] as const) {
      const ref = edge[end];
      if (!nodeIds.has(ref.node)) {
        problems.push({
          code: "DANGLING_EDGE",
          message: `Edge "${edge.id}" ${end === "source" ? "starts at" : "ends at"} node "${ref.node}", which is not in the graph`,
          path: ["edges", index, end, "node"],
          edgeId: edge.id,
        });
      }
    }
  });
  return problems;
}
