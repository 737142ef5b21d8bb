import type { TGraphSpec } from "@/lib/graph";

const DEFAULT_SIZE = { width: 180, height: 64 };

/**
 * Left-to-right layered layout (ELK) of a spec's nodes, sized as they are drawn. ELK is loaded on first use only, so
 * the editor's first paint does not carry it.
 */
export async function computeAutoLayout(spec: TGraphSpec, sizes: ReadonlyMap<string, { width: number; height: number }>): Promise<TGraphSpec> {
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  const layout = await new ELK().layout({
    id: "graph",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.spacing.nodeNode": "40",
      "elk.layered.spacing.nodeNodeBetweenLayers": "90",
    },
    children: spec.nodes.map((node) => ({ id: node.id, ...(sizes.get(node.id) ?? DEFAULT_SIZE) })),
    edges: spec.edges.map((edge) => ({ id: edge.id, sources: [edge.source.node], targets: [edge.target.node] })),
  });
  const positions = new Map((layout.children ?? []).map((child) => [child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) }]));
  return { ...spec, nodes: spec.nodes.map((node) => ({ ...node, position: positions.get(node.id) ?? node.position })) };
}
