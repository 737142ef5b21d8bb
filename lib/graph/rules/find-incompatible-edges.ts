import { getNodeName } from "../get-node-name";
import { describeSchemaType, isSchemaAssignable } from "../is-schema-assignable";
import type { TNodeTypeRegistry } from "../node-type";
import type { TGraphProblem } from "../problem";
import { resolveEdges } from "../resolve-edges";
import type { TGraphSpec } from "../spec";

/**
 * Both ends of an edge must be of the same kind (a tool port feeds a tool port), and a data edge's payload schema
 * must fit the input's. Edges with an unknown end are skipped: other rules report them.
 */
export function findIncompatibleEdges(spec: TGraphSpec, registry: TNodeTypeRegistry): TGraphProblem[] {
  const problems: TGraphProblem[] = [];
  for (const { edge, edgeIndex, source, target } of resolveEdges(spec, registry)) {
    if (!source?.port || !target?.port) continue;
    const from = `"${getNodeName(source.node)}"`;
    const to = `"${getNodeName(target.node)}"`;
    let message: string | undefined;
    if (source.port.kind !== target.port.kind) {
      message = `Cannot connect the ${source.port.kind} output "${source.port.id}" of ${from} to the ${target.port.kind} input "${target.port.id}" of ${to}`;
    } else if (source.port.kind === "data" && !isSchemaAssignable(source.port.schema, target.port.schema)) {
      const sourceType = describeSchemaType(source.port.schema);
      const targetType = describeSchemaType(target.port.schema);
      message = `Cannot connect ${from} (${source.port.id}: ${sourceType}) to ${to} (${target.port.id}: ${targetType})`;
    }
    if (message) problems.push({ code: "INCOMPATIBLE_PORTS", message, path: ["edges", edgeIndex], edgeId: edge.id });
  }
  return problems;
}
