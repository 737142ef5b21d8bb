import { describeGraphProblems, GRAPH_FORMAT, readGraphFormatVersion, validateGraphSpec, type TGraphEdge, type TGraphNode, type TGraphSpec } from "@/lib/graph";
import { addEdge } from "./graph-edits";
import { withoutGroup } from "./group-edits";

/**
 * Copied nodes as clipboard text: JSON that works between graphs, tabs and browsers. Pure: the editor's clipboard
 * (use-canvas-clipboard.ts) moves the text, these functions make it, read it and place it.
 */

export const CLIPBOARD_FORMAT = "openclaw.graph/v1+fragment";

export type TFragment = { nodes: TGraphNode[]; edges: TGraphEdge[] };
export type TDecodedFragment = { ok: true; fragment: TFragment } | { ok: false; reason: string };
type TPoint = { x: number; y: number };

/** The nodes a copy of the selection takes: the selected ones, and the members of a selected group. */
export function getFragmentNodeIds(spec: TGraphSpec, selectedIds: ReadonlySet<string>): Set<string> {
  return new Set(spec.nodes.filter((node) => selectedIds.has(node.id) || (node.group && selectedIds.has(node.group))).map((node) => node.id));
}

/** The selection and the edges between its nodes. A member copied without its group is copied ungrouped. */
export function copyFragment(spec: TGraphSpec, selectedIds: ReadonlySet<string>): TFragment {
  const ids = getFragmentNodeIds(spec, selectedIds);
  const nodes = spec.nodes.filter((node) => ids.has(node.id)).map((node) => (node.group && !ids.has(node.group) ? withoutGroup(node) : node));
  const edges = spec.edges.filter((edge) => ids.has(edge.source.node) && ids.has(edge.target.node));
  return { nodes, edges };
}

export function encodeFragment(fragment: TFragment): string {
  return JSON.stringify({ format: CLIPBOARD_FORMAT, ...fragment });
}

/**
 * Reads clipboard text as nodes, or says why it is none: text, foreign JSON, or nodes that fail the graph's own
 * validation (which also refuses unsafe keys). A whole exported graph reads as all of its nodes.
 */
export function decodeFragment(text: string): TDecodedFragment {
  if (text.trim() === "") return { ok: false, reason: "the clipboard is empty" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const start = text.trim().replace(/\s+/g, " ");
    return { ok: false, reason: `the clipboard holds text ("${start.length > 40 ? `${start.slice(0, 40).trimEnd()}…` : start}"), not nodes copied in the studio` };
  }
  const format = (parsed as { format?: unknown } | null)?.format;
  const isGraph = readGraphFormatVersion(parsed) !== null;
  if (typeof parsed !== "object" || (format !== CLIPBOARD_FORMAT && !isGraph)) {
    return { ok: false, reason: "the clipboard holds JSON that is not nodes copied in the studio" };
  }
  // A whole graph (of any format version: validation upgrades an older one, refuses a newer one) or a fragment.
  const validation = validateGraphSpec(isGraph ? { settings: {}, ...(parsed as object) } : { settings: {}, ...(parsed as object), format: GRAPH_FORMAT });
  if (!validation.ok) return { ok: false, reason: `the copied nodes are not valid: ${describeGraphProblems(validation.problems).split("\n")[0]}` };
  if (validation.spec.nodes.length === 0) return { ok: false, reason: "the copied fragment has no nodes" };
  return { ok: true, fragment: { nodes: validation.spec.nodes, edges: validation.spec.edges } };
}

/** The top-left corner of the fragment's nodes (their positions are their cards' top-left corners). */
export function getFragmentTopLeft(fragment: TFragment): TPoint {
  return { x: Math.min(...fragment.nodes.map((node) => node.position.x)), y: Math.min(...fragment.nodes.map((node) => node.position.y)) };
}

/**
 * Adds the fragment to the spec with its top-left corner at `topLeft`: every node gets a new id (`<id>-copy`,
 * `<id>-copy-2`, ...), edges and group membership follow their nodes.
 */
export function placeFragment(spec: TGraphSpec, fragment: TFragment, topLeft: TPoint): { spec: TGraphSpec; nodes: TGraphNode[]; edges: TGraphEdge[] } {
  const origin = getFragmentTopLeft(fragment);
  const offset = { x: Math.round(topLeft.x - origin.x), y: Math.round(topLeft.y - origin.y) };
  const ids = new Map<string, string>();
  const taken = new Set(spec.nodes.map((node) => node.id));
  for (const node of fragment.nodes) {
    const base = node.id.replace(/-copy(-\d+)?$/, "").slice(0, 50);
    let id = `${base}-copy`;
    for (let n = 2; taken.has(id); n++) id = `${base}-copy-${n}`;
    ids.set(node.id, id);
    taken.add(id);
  }
  const nodes: TGraphNode[] = fragment.nodes.map((node) => ({
    ...node,
    id: ids.get(node.id)!,
    position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    ...(node.group ? { group: ids.get(node.group)! } : {}),
  }));
  let next: TGraphSpec = { ...spec, nodes: [...spec.nodes, ...nodes] };
  const edges: TGraphEdge[] = [];
  for (const edge of fragment.edges) {
    const added = addEdge(next, { source: ids.get(edge.source.node)!, sourcePort: edge.source.port, target: ids.get(edge.target.node)!, targetPort: edge.target.port });
    next = added.spec;
    edges.push(added.edge);
  }
  return { spec: next, nodes, edges };
}
