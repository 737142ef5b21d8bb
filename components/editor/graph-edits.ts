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

/** A spot near `position` that no node occupies yet, so nodes added one after another do not hide each other. */
export function findFreePosition(spec: TGraphSpec, position: { x: number; y: number }): { x: number; y: number } {
  let candidate = position;
  for (let attempt = 0; attempt < 50 && spec.nodes.some((node) => Math.abs(node.position.x - candidate.x) < 150 && Math.abs(node.position.y - candidate.y) < 60); attempt++) {
    candidate = { x: candidate.x + 60, y: candidate.y + 90 };
  }
  return candidate;
}

export const CLIPBOARD_FORMAT = "openclaw.graph/v1+fragment";

/**
 * The selected nodes (a selected group brings its members) and the edges between them, as clipboard JSON (works
 * between graphs and tabs). A member copied without its group is copied ungrouped.
 */
export function copyFragment(spec: TGraphSpec, selectedIds: ReadonlySet<string>): string {
  const ids = new Set(spec.nodes.filter((node) => selectedIds.has(node.id) || (node.group && selectedIds.has(node.group))).map((node) => node.id));
  const nodes = spec.nodes.filter((node) => ids.has(node.id)).map((node) => (node.group && !ids.has(node.group) ? withoutGroup(node) : node));
  const edges = spec.edges.filter((edge) => ids.has(edge.source.node) && ids.has(edge.target.node));
  return JSON.stringify({ format: CLIPBOARD_FORMAT, nodes, edges });
}

/**
 * Pastes a fragment: every node gets a free id and moves by `offset`, edges follow their nodes. Undefined when the text
 * is not a valid fragment (it goes through the same validation as a whole graph).
 */
export function pasteFragment(
  spec: TGraphSpec,
  text: string,
  offset: { x: number; y: number },
  validate: (value: unknown) => { ok: true; spec: TGraphSpec } | { ok: false },
): { spec: TGraphSpec; nodes: TGraphNode[]; edges: TGraphEdge[] } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if ((parsed as { format?: unknown } | null)?.format !== CLIPBOARD_FORMAT) return undefined;
  const fragment = validate({ ...(parsed as object), format: spec.format });
  if (!fragment.ok) return undefined;
  const ids = new Map<string, string>();
  const taken = new Set(spec.nodes.map((node) => node.id));
  for (const node of fragment.spec.nodes) {
    const base = node.id.replace(/-copy(-\d+)?$/, "");
    let id = `${base}-copy`;
    for (let n = 2; taken.has(id); n++) id = `${base}-copy-${n}`;
    ids.set(node.id, id);
    taken.add(id);
  }
  const nodes: TGraphNode[] = fragment.spec.nodes.map((node) => ({
    ...node,
    id: ids.get(node.id)!,
    position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    ...(node.group ? { group: ids.get(node.group)! } : {}),
  }));
  let next: TGraphSpec = { ...spec, nodes: [...spec.nodes, ...nodes] };
  const edges: TGraphEdge[] = [];
  for (const edge of fragment.spec.edges) {
    const added = addEdge(next, { source: ids.get(edge.source.node)!, sourcePort: edge.source.port, target: ids.get(edge.target.node)!, targetPort: edge.target.port });
    next = added.spec;
    edges.push(added.edge);
  }
  return { spec: next, nodes, edges };
}
