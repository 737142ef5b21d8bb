import { getNodeName } from "../get-node-name";
import { isInputRequired, type TNodeTypeRegistry } from "../node-type";
import type { TGraphProblem } from "../problem";
import type { TGraphSpec } from "../spec";

// Input and trigger nodes start a run: they are fed from outside, never by edges.
const FED_FROM_OUTSIDE = new Set(["io", "trigger"]);

/**
 * A required input must be wired (DESIGN section 4: that is all "required" decides besides skipping): without an edge
 * the node would run without what it cannot do without; an Agent without its model cannot answer. Reported on the node.
 */
export function findMissingRequiredInputs(spec: TGraphSpec, registry: TNodeTypeRegistry): TGraphProblem[] {
  const connectedInputs = new Set(spec.edges.map((edge) => JSON.stringify([edge.target.node, edge.target.port])));
  const attached = findAttachedNodes(spec, registry);
  const problems: TGraphProblem[] = [];
  spec.nodes.forEach((node, index) => {
    const definition = registry.get(node.type);
    if (!definition || FED_FROM_OUTSIDE.has(definition.category)) return;
    for (const input of definition.inputs) {
      if (!isInputRequired(input) || connectedInputs.has(JSON.stringify([node.id, input.id]))) continue;
      // An attached node (a tool, a delegated agent) gets its data from its caller's arguments, not from edges.
      if (input.kind === "data" && attached.has(node.id)) continue;
      problems.push({
        code: "MISSING_INPUT",
        message: `"${getNodeName(node)}" has nothing connected to its required ${input.kind} input "${input.id}"`,
        path: ["nodes", index],
        nodeId: node.id,
      });
    }
  });
  return problems;
}

/** Nodes wired by a tool, model or memory output: their caller invokes them. */
function findAttachedNodes(spec: TGraphSpec, registry: TNodeTypeRegistry): Set<string> {
  const typeOf = new Map(spec.nodes.map((node) => [node.id, node.type]));
  const attached = new Set<string>();
  for (const edge of spec.edges) {
    const port = registry.get(typeOf.get(edge.source.node) ?? "")?.outputs.find((candidate) => candidate.id === edge.source.port);
    if (port && port.kind !== "data" && port.kind !== "control") attached.add(edge.source.node);
  }
  return attached;
}
