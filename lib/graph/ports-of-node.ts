import type { TGraphEdge } from "./spec";

export type TNodePorts = { inputs: string[]; outputs: string[] };

const DEFAULT_PORTS: TNodePorts = { inputs: ["in"], outputs: ["out"] };

/**
 * The ports a node shows on the canvas: its default `in`/`out` plus every port an edge uses. Node type definitions
 * (Runtime and Plugin issues) will replace the defaults with declared ports; edges keep working either way.
 */
export function getPortsOfNode(nodeId: string, edges: readonly TGraphEdge[]): TNodePorts {
  const inputs = new Set(DEFAULT_PORTS.inputs);
  const outputs = new Set(DEFAULT_PORTS.outputs);
  for (const edge of edges) {
    if (edge.target.node === nodeId) inputs.add(edge.target.port);
    if (edge.source.node === nodeId) outputs.add(edge.source.port);
  }
  return { inputs: [...inputs], outputs: [...outputs] };
}
