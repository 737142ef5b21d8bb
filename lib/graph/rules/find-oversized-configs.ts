import { GRAPH_LIMITS } from "../limits";
import type { TGraphProblem } from "../problem";
import type { TGraphSpec } from "../spec";

/** A node's config (and pinned test data) is bounded so that one node cannot bloat every version and run. */
export function findOversizedConfigs(spec: TGraphSpec): TGraphProblem[] {
  const problems: TGraphProblem[] = [];
  const encoder = new TextEncoder();
  spec.nodes.forEach((node, index) => {
    for (const field of ["config", "pinned"] as const) {
      if (node[field] === undefined) continue;
      const bytes = encoder.encode(JSON.stringify(node[field])).length;
      if (bytes > GRAPH_LIMITS.maxConfigBytes) {
        problems.push({
          code: "CONFIG_TOO_LARGE",
          message: `Node "${node.id}" has ${bytes} bytes of ${field}; the limit is ${GRAPH_LIMITS.maxConfigBytes}`,
          path: ["nodes", index, field],
          nodeId: node.id,
        });
      }
    }
  });
  return problems;
}
