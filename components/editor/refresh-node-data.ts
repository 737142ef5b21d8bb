import type { TGraphSpec, TNodeTypeRegistry } from "@/lib/graph";
import { toNodeData, type TCanvasNode, type TDiffStatus, type TPortView } from "./spec-to-flow";

export type TNodeMarks = { problemCounts: ReadonlyMap<string, number>; diffStatusOf: (nodeId: string) => TDiffStatus | undefined };

/**
 * The canvas nodes with their data rebuilt from the spec (label, ports, problem badges, comparison marks). A node
 * whose data did not change keeps its object, so React Flow re-renders only the nodes that changed: revalidating a
 * 1,000-node graph after one edit repaints one node, not all of them.
 */
export function refreshNodeData(nodes: TCanvasNode[], spec: TGraphSpec, registry: TNodeTypeRegistry, marks: TNodeMarks): TCanvasNode[] {
  const byId = new Map(spec.nodes.map((node) => [node.id, node]));
  let isChanged = false;
  const next = nodes.map((node) => {
    const specNode = byId.get(node.id);
    if (!specNode) return node;
    const data = toNodeData(specNode, spec, registry, marks.problemCounts.get(node.id) ?? 0, marks.diffStatusOf(node.id));
    if (isSameData(node.data, data)) return node;
    isChanged = true;
    return { ...node, data } as TCanvasNode;
  });
  return isChanged ? next : nodes;
}

function isSameData(a: TCanvasNode["data"], b: TCanvasNode["data"]): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => {
    const left = (a as Record<string, unknown>)[key];
    const right = (b as Record<string, unknown>)[key];
    if (key === "summary") return isSameLines(left as string[] | undefined, right as string[] | undefined);
    return left === right || (Array.isArray(left) && Array.isArray(right) && isSamePorts(left, right));
  });
}

function isSameLines(a: string[] | undefined, b: string[] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((line, index) => line === b[index]));
}

function isSamePorts(a: TPortView[], b: TPortView[]): boolean {
  return a.length === b.length && a.every((port, index) => port.id === b[index]!.id && port.label === b[index]!.label && port.kind === b[index]!.kind && port.typeLabel === b[index]!.typeLabel);
}
