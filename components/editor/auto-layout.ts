import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import type { TGraphEdge, TGraphSpec } from "@/lib/graph";
import { isGroupNode } from "@/lib/graph/group-node";
import { getNodeFootprint } from "./node-card-geometry";

const DEFAULT_SIZE = getNodeFootprint(1, 1);
// Inside a frame: room around the members, and above them for its label (as group-edits.ts frames a selection).
const FRAME_PADDING = "[top=52,left=24,bottom=24,right=24]";
// Node ids hold only letters, digits, '_' and '-' (lib/graph spec), so a part's box never takes a node's id.
const PART_ID_PREFIX = "part:";
const PART_OPTIONS = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.spacing.nodeNode": "40",
  "elk.layered.spacing.nodeNodeBetweenLayers": "90",
  "elk.padding": "[top=0,left=0,bottom=0,right=0]",
};
// Parts go in rows (ELK's component packing, about 1.6 times as wide as high) in the order of the spec's nodes, so
// nodes nothing connects yet sit side by side in view instead of in a column that runs off the canvas.
const PACKING_OPTIONS = { "elk.algorithm": "layered", "elk.layered.considerModelOrder.components": "MODEL_ORDER", "elk.spacing.componentComponent": "40" };

type TPart = { topLevelIds: string[]; edges: TGraphEdge[] };

/** The spec split into parts that no edge and no frame join; each part lists its frames and unframed nodes in spec order. */
function splitIntoParts(spec: TGraphSpec, groupIds: ReadonlySet<string>): TPart[] {
  const topLevelOf = new Map(spec.nodes.map((node) => [node.id, node.group && groupIds.has(node.group) ? node.group : node.id]));
  const representative = new Map<string, string>();
  const find = (id: string): string => {
    const parent = representative.get(id) ?? id;
    if (parent === id) return id;
    const root = find(parent);
    representative.set(id, root);
    return root;
  };
  const edges = spec.edges.filter((edge) => topLevelOf.has(edge.source.node) && topLevelOf.has(edge.target.node));
  for (const edge of edges) representative.set(find(topLevelOf.get(edge.source.node)!), find(topLevelOf.get(edge.target.node)!));
  const parts = new Map<string, TPart>();
  for (const node of spec.nodes) {
    if (topLevelOf.get(node.id) !== node.id) continue;
    const root = find(node.id);
    const part = parts.get(root) ?? { topLevelIds: [], edges: [] };
    part.topLevelIds.push(node.id);
    parts.set(root, part);
  }
  for (const edge of edges) parts.get(find(topLevelOf.get(edge.source.node)!))!.edges.push(edge);
  return [...parts.values()];
}

/**
 * Left-to-right layered layout (ELK) of a spec's nodes, at the sizes given (the editor gives node footprints). A group is laid out as one box with
 * its members inside (ELK's hierarchy), so frames keep their members and never overlap. Each part of the graph that
 * nothing connects to the rest is laid out on its own and the parts are packed in rows. ELK is loaded on first use
 * only, so the editor's first paint does not carry it.
 */
export async function computeAutoLayout(spec: TGraphSpec, sizes: ReadonlyMap<string, { width: number; height: number }>): Promise<TGraphSpec> {
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  const groupIds = new Set(spec.nodes.filter(isGroupNode).map((node) => node.id));
  const leaf = (id: string): ElkNode => ({ id, ...(sizes.get(id) ?? DEFAULT_SIZE) });
  const toElkNode = (id: string): ElkNode => {
    if (!groupIds.has(id)) return leaf(id);
    const members = spec.nodes.filter((member) => member.group === id).map((member) => leaf(member.id));
    return { id, layoutOptions: { "elk.padding": FRAME_PADDING }, children: members };
  };
  const toElkEdge = (edge: TGraphEdge): ElkExtendedEdge => ({ id: edge.id, sources: [edge.source.node], targets: [edge.target.node] });
  const layout = await new ELK().layout({
    id: "graph",
    layoutOptions: PACKING_OPTIONS,
    children: splitIntoParts(spec, groupIds).map((part, index) => ({
      id: `${PART_ID_PREFIX}${index}`,
      layoutOptions: PART_OPTIONS,
      children: part.topLevelIds.map(toElkNode),
      edges: part.edges.map(toElkEdge),
    })),
  });
  // ELK places children relative to their parent (part, frame): positions in the spec are absolute.
  const boxes = new Map<string, { x: number; y: number; width?: number; height?: number }>();
  const place = (node: ElkNode, origin: { x: number; y: number }) => {
    const position = { x: origin.x + (node.x ?? 0), y: origin.y + (node.y ?? 0) };
    if (!node.id.startsWith(PART_ID_PREFIX)) boxes.set(node.id, { ...position, width: node.width, height: node.height });
    for (const child of node.children ?? []) place(child, position);
  };
  for (const part of layout.children ?? []) place(part, { x: 0, y: 0 });
  return {
    ...spec,
    nodes: spec.nodes.map((node) => {
      const box = boxes.get(node.id);
      if (!box) return node;
      const laidOut = { ...node, position: { x: Math.round(box.x), y: Math.round(box.y) } };
      return groupIds.has(node.id) ? { ...laidOut, config: { ...node.config, width: Math.round(box.width ?? 0), height: Math.round(box.height ?? 0) } } : laidOut;
    }),
  };
}
