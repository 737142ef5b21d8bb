import type { TGraphEdge, TGraphNode, TGraphSpec, TNodeTypeDefinition } from "@/lib/graph";
import { withoutGroup } from "./group-edits";

/** Pure edits of a spec, so the editor's changes are easy to test and to undo later. */

export function createNodeOfType(spec: TGraphSpec, type: string, definition: TNodeTypeDefinition | undefined, position: { x: number; y: number }): TGraphNode {
  const base = (type.split("/")[1] ?? "node").replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 40) || "node";
  let id = base;
  for (let n = 2; spec.nodes.some((node) => node.id === id); n++) id = `${base}-${n}`;
  const properties = (definition?.configSchema.properties ?? {}) as Record<string, { default?: unknown }>;
  const config = Object.fromEntries(Object.entries(properties).flatMap(([key, schema]) => (schema.default === undefined ? [] : [[key, schema.default]])));
  return { id, type, typeVersion: definition?.version ?? 1, label: definition?.title ?? base, position: { x: Math.round(position.x), y: Math.round(position.y) }, config };
}

export function addEdge(spec: TGraphSpec, ends: { source: string; sourcePort: string; target: string; targetPort: string }): { spec: TGraphSpec; edge: TGraphEdge } {
  let id = `${ends.source}-${ends.target}`.slice(0, 60);
  for (let n = 2; spec.edges.some((edge) => edge.id === id); n++) id = `${ends.source}-${ends.target}-${n}`.slice(0, 64);
  const edge = { id, source: { node: ends.source, port: ends.sourcePort }, target: { node: ends.target, port: ends.targetPort } };
  return { spec: { ...spec, edges: [...spec.edges, edge] }, edge };
}

/** Members of a removed group stay, in no group. */
export function removeNodesAndEdges(spec: TGraphSpec, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): TGraphSpec {
  return {
    ...spec,
    nodes: spec.nodes.filter((node) => !nodeIds.has(node.id)).map((node) => (node.group && nodeIds.has(node.group) ? withoutGroup(node) : node)),
    edges: spec.edges.filter((edge) => !edgeIds.has(edge.id) && !nodeIds.has(edge.source.node) && !nodeIds.has(edge.target.node)),
  };
}
