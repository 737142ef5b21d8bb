import type { ElkNode } from "elkjs/lib/elk-api";
import type { TGraphSpec } from "@/lib/graph";
import { isGroupNode } from "@/lib/graph/group-node";

const DEFAULT_SIZE = { width: 180, height: 64 };
// Inside a frame: room around the members, and above them for its label (as group-edits.ts frames a selection).
const FRAME_PADDING = "[top=52,left=24,bottom=24,right=24]";

/**
 * Left-to-right layered layout (ELK) of a spec's nodes, sized as they are drawn. A group is laid out as one box with
 * its members inside (ELK's hierarchy), so frames keep their members and never overlap. ELK is loaded on first use
 * only, so the editor's first paint does not carry it.
 */
export async function computeAutoLayout(spec: TGraphSpec, sizes: ReadonlyMap<string, { width: number; height: number }>): Promise<TGraphSpec> {
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  const groupIds = new Set(spec.nodes.filter(isGroupNode).map((node) => node.id));
  const leaf = (id: string): ElkNode => ({ id, ...(sizes.get(id) ?? DEFAULT_SIZE) });
  const children = spec.nodes.flatMap((node): ElkNode[] => {
    if (groupIds.has(node.id)) {
      const members = spec.nodes.filter((member) => member.group === node.id).map((member) => leaf(member.id));
      return [{ id: node.id, layoutOptions: { "elk.padding": FRAME_PADDING }, children: members }];
    }
    return node.group && groupIds.has(node.group) ? [] : [leaf(node.id)];
  });
  const layout = await new ELK().layout({
    id: "graph",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.hierarchyHandling": "INCLUDE_CHILDREN",
      "elk.spacing.nodeNode": "40",
      "elk.layered.spacing.nodeNodeBetweenLayers": "90",
    },
    children,
    edges: spec.edges.map((edge) => ({ id: edge.id, sources: [edge.source.node], targets: [edge.target.node] })),
  });
  // ELK places members relative to their group: positions in the spec are absolute.
  const boxes = new Map<string, { x: number; y: number; width?: number; height?: number }>();
  for (const child of layout.children ?? []) {
    const origin = { x: child.x ?? 0, y: child.y ?? 0 };
    boxes.set(child.id, { ...origin, width: child.width, height: child.height });
    for (const member of child.children ?? []) boxes.set(member.id, { x: origin.x + (member.x ?? 0), y: origin.y + (member.y ?? 0) });
  }
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
