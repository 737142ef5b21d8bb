import { getNodeName } from "../get-node-name";
import type { TNodeTypeRegistry } from "../node-type";
import type { TGraphProblem } from "../problem";
import { resolveEdges } from "../resolve-edges";
import type { TGraphNode, TGraphSpec } from "../spec";

const MAX_NAMES_IN_MESSAGE = 8;

/**
 * A cycle is legal only through an input a node type declares in `cycleInputs` (a Loop's `continue`, bounded by its
 * max iterations; a Map's `result`, bounded by its item count); any other cycle of data or control edges would run forever or deadlock its joins. Attached edges (tool,
 * model, memory) carry no messages, so they cannot form such a cycle. One problem per back edge of a depth-first
 * search: every cycle contains a back edge, so no report means no cycle. Iterative: graphs have up to 2,000 nodes.
 */
export function findUnboundedCycles(spec: TGraphSpec, registry: TNodeTypeRegistry): TGraphProblem[] {
  const successors = new Map<string, string[]>(spec.nodes.map((node) => [node.id, []]));
  for (const { edge, source, target } of resolveEdges(spec, registry)) {
    if (!source || !target) continue;
    // An end whose port is unknown is reported elsewhere; counting it as data keeps its cycles visible meanwhile.
    const kind = target.port?.kind ?? source.port?.kind ?? "data";
    const isLoopBack = target.definition?.cycleInputs?.includes(edge.target.port) === true;
    if ((kind === "data" || kind === "control") && !isLoopBack) successors.get(source.node.id)?.push(target.node.id);
  }
  const nodeIndex = new Map(spec.nodes.map((node, index) => [node.id, index]));
  const problems: TGraphProblem[] = [];
  const reported = new Set<string>();
  for (const cycle of findCycles(spec.nodes, successors)) {
    const ordered = rotateToFirstInSpec(cycle, nodeIndex);
    const key = JSON.stringify(ordered);
    if (reported.has(key)) continue; // parallel edges close the same cycle twice
    reported.add(key);
    const index = nodeIndex.get(ordered[0]!)!;
    const names = ordered.map((id) => `"${getNodeName(spec.nodes[nodeIndex.get(id)!]!)}"`);
    const shown = names.length > MAX_NAMES_IN_MESSAGE ? [...names.slice(0, MAX_NAMES_IN_MESSAGE), `... (${names.length} nodes)`] : names;
    problems.push({
      code: "UNBOUNDED_CYCLE",
      message: `The cycle ${[...shown, names[0]].join(" -> ")} is not bounded: close it through the "continue" input of a Loop (or the "result" input of a Map)`,
      path: ["nodes", index],
      nodeId: ordered[0],
    });
  }
  return problems;
}

/** Depth-first search from each node in spec order; each edge back to a node on the current path closes a cycle. */
function findCycles(nodes: readonly TGraphNode[], successors: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const isDone = new Set<string>();
  const positionOnPath = new Map<string, number>();
  for (const start of nodes) {
    if (isDone.has(start.id) || positionOnPath.has(start.id)) continue;
    const path = [{ id: start.id, nextSuccessor: 0 }];
    positionOnPath.set(start.id, 0);
    while (path.length > 0) {
      const frame = path[path.length - 1]!;
      const next = successors.get(frame.id)?.[frame.nextSuccessor++];
      if (next === undefined) {
        path.pop();
        positionOnPath.delete(frame.id);
        isDone.add(frame.id);
        continue;
      }
      const position = positionOnPath.get(next);
      if (position !== undefined) {
        cycles.push(path.slice(position).map((step) => step.id));
      } else if (!isDone.has(next)) {
        positionOnPath.set(next, path.length);
        path.push({ id: next, nextSuccessor: 0 });
      }
    }
  }
  return cycles;
}

/** Starts the cycle at its node that comes first in the spec, so the report does not depend on where the search began. */
function rotateToFirstInSpec(cycle: string[], nodeIndex: Map<string, number>): string[] {
  let first = 0;
  cycle.forEach((id, position) => {
    if (nodeIndex.get(id)! < nodeIndex.get(cycle[first]!)!) first = position;
  });
  return [...cycle.slice(first), ...cycle.slice(0, first)];
}
