import { getNodeName } from "../get-node-name";
import type { TNodeTypeRegistry } from "../node-type";
import type { TGraphProblem } from "../problem";
import { resolveEdges } from "../resolve-edges";
import type { TGraphSpec } from "../spec";

/** An edge must leave from an output its source's type declares and arrive at an input its target's type declares. */
export function findUnknownPorts(spec: TGraphSpec, registry: TNodeTypeRegistry): TGraphProblem[] {
  const problems: TGraphProblem[] = [];
  for (const { edge, edgeIndex, source, target } of resolveEdges(spec, registry)) {
    // Dangling edges and unknown node types have their own problems; one report per mistake.
    if (source?.definition && !source.port) {
      problems.push({
        code: "UNKNOWN_PORT",
        message: `"${getNodeName(source.node)}" has no output "${edge.source.port}" (edge "${edge.id}")`,
        path: ["edges", edgeIndex, "source", "port"],
        edgeId: edge.id,
      });
    }
    if (target?.definition && !target.port) {
      problems.push({
        code: "UNKNOWN_PORT",
        message: `"${getNodeName(target.node)}" has no input "${edge.target.port}" (edge "${edge.id}")`,
        path: ["edges", edgeIndex, "target", "port"],
        edgeId: edge.id,
      });
    }
  }
  return problems;
}
