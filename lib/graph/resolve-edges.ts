import type { TNodeTypeDefinition, TNodeTypeRegistry, TPortDefinition } from "./node-type";
import type { TGraphEdge, TGraphNode, TGraphSpec } from "./spec";

export type TResolvedEdgeEnd = {
  node: TGraphNode;
  nodeIndex: number;
  /** Undefined when the node's type is not in the registry. */
  definition: TNodeTypeDefinition | undefined;
  /** The output (source end) or input (target end) the edge uses; undefined when the type is unknown or lacks it. */
  port: TPortDefinition | undefined;
};

/** An edge with its two ends looked up; an end is undefined when its node is not in the graph (a dangling edge). */
export type TResolvedEdge = { edge: TGraphEdge; edgeIndex: number; source?: TResolvedEdgeEnd; target?: TResolvedEdgeEnd };

/** Looks up the nodes, node types and port definitions at both ends of every edge, once, for the type-aware rules. */
export function resolveEdges(spec: TGraphSpec, registry: TNodeTypeRegistry): TResolvedEdge[] {
  const nodesById = new Map<string, { node: TGraphNode; nodeIndex: number; definition?: TNodeTypeDefinition }>();
  spec.nodes.forEach((node, nodeIndex) => nodesById.set(node.id, { node, nodeIndex, definition: registry.get(node.type) }));

  function resolveEnd(nodeId: string, portId: string, side: "inputs" | "outputs"): TResolvedEdgeEnd | undefined {
    const found = nodesById.get(nodeId);
    if (!found) return undefined;
    const port = found.definition?.[side].find((candidate) => candidate.id === portId);
    return { node: found.node, nodeIndex: found.nodeIndex, definition: found.definition, port };
  }

  return spec.edges.map((edge, edgeIndex) => ({
    edge,
    edgeIndex,
    source: resolveEnd(edge.source.node, edge.source.port, "outputs"),
    target: resolveEnd(edge.target.node, edge.target.port, "inputs"),
  }));
}
