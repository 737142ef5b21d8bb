import type { Edge, Node } from "@xyflow/react";
import { getPortsOfNode, type TGraphSpec } from "@/lib/graph";

export type TStudioNodeData = { label: string; nodeType: string; inputs: string[]; outputs: string[]; isDisabled: boolean };
export type TStudioNode = Node<TStudioNodeData, "studio">;

/** Graph spec -> React Flow nodes and edges. Pure, so the canvas and its tests share it. */
export function specToFlow(spec: TGraphSpec): { nodes: TStudioNode[]; edges: Edge[] } {
  const nodes: TStudioNode[] = spec.nodes.map((node) => {
    const ports = getPortsOfNode(node.id, spec.edges);
    return {
      id: node.id,
      type: "studio",
      position: node.position,
      data: { label: node.label || node.id, nodeType: node.type, inputs: ports.inputs, outputs: ports.outputs, isDisabled: node.disabled ?? false },
    };
  });
  const edges: Edge[] = spec.edges.map((edge) => ({
    id: edge.id,
    source: edge.source.node,
    sourceHandle: edge.source.port,
    target: edge.target.node,
    targetHandle: edge.target.port,
  }));
  return { nodes, edges };
}

/** The spec with the canvas's node positions written back; everything else stays as it was. */
export function applyNodePositions(spec: TGraphSpec, nodes: readonly Pick<TStudioNode, "id" | "position">[]): TGraphSpec {
  const positions = new Map(nodes.map((node) => [node.id, node.position]));
  return {
    ...spec,
    nodes: spec.nodes.map((node) => {
      const position = positions.get(node.id);
      return position ? { ...node, position: { x: Math.round(position.x), y: Math.round(position.y) } } : node;
    }),
  };
}
