import type { Edge, Node } from "@xyflow/react";
import { describeSchemaType, getPortsOfNode, type TGraphNode, type TGraphSpec, type TNodeTypeRegistry, type TPortKind } from "@/lib/graph";

export type TPortView = { id: string; kind: TPortKind; typeLabel: string };
export type TStudioNodeData = {
  label: string;
  nodeType: string;
  inputs: TPortView[];
  outputs: TPortView[];
  isDisabled: boolean;
  isKnownType: boolean;
  problemCount: number;
  /** Set while comparing with a version: how this node differs from it. */
  diffStatus?: "added" | "changed" | "moved";
};
export type TStudioNode = Node<TStudioNodeData, "studio">;

const NO_REGISTRY: TNodeTypeRegistry = { get: () => undefined, list: () => [] };

/** The ports a node shows: its type's declared ports, or (type unknown) the ports its edges use. */
function getPortViews(node: TGraphNode, spec: TGraphSpec, registry: TNodeTypeRegistry): Pick<TStudioNodeData, "inputs" | "outputs" | "isKnownType"> {
  const definition = registry.get(node.type);
  if (definition) {
    const view = (port: (typeof definition.inputs)[number]) => ({ id: port.id, kind: port.kind, typeLabel: port.kind === "data" ? describeSchemaType(port.schema) : port.kind });
    return { inputs: definition.inputs.map(view), outputs: definition.outputs.map(view), isKnownType: true };
  }
  const ports = getPortsOfNode(node.id, spec.edges);
  const untyped = (id: string) => ({ id, kind: "data" as const, typeLabel: "any" });
  return { inputs: ports.inputs.map(untyped), outputs: ports.outputs.map(untyped), isKnownType: false };
}

export function toStudioNode(node: TGraphNode, spec: TGraphSpec, registry: TNodeTypeRegistry = NO_REGISTRY, problemCount = 0, diffStatus?: TStudioNodeData["diffStatus"]): TStudioNode {
  return {
    id: node.id,
    type: "studio",
    position: node.position,
    data: { label: node.label || node.id, nodeType: node.type, isDisabled: node.disabled ?? false, problemCount, diffStatus, ...getPortViews(node, spec, registry) },
  };
}

/** Graph spec -> React Flow nodes and edges. Pure, so the canvas and its tests share it. */
export function specToFlow(spec: TGraphSpec, registry: TNodeTypeRegistry = NO_REGISTRY): { nodes: TStudioNode[]; edges: Edge[] } {
  const nodes = spec.nodes.map((node) => toStudioNode(node, spec, registry));
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
