import { describeSchemaType, isSchemaAssignable, type TGraphSpec, type TNodeTypeRegistry } from "@/lib/graph";

export type TConnectionCandidate = { source: string; sourceHandle?: string | null; target: string; targetHandle?: string | null };

/** Whether a new edge may be drawn, with the reason shown while dragging when it may not. Same rules as lib/graph. */
export function checkConnection(spec: TGraphSpec, registry: TNodeTypeRegistry, candidate: TConnectionCandidate): { ok: true } | { ok: false; reason: string } {
  if (candidate.source === candidate.target) return { ok: false, reason: "A node cannot feed itself" };
  const sourceNode = spec.nodes.find((node) => node.id === candidate.source);
  const targetNode = spec.nodes.find((node) => node.id === candidate.target);
  if (!sourceNode || !targetNode) return { ok: false, reason: "Both ends must be nodes of this graph" };
  const name = (node: { label: string; id: string }) => `"${node.label || node.id}"`;
  const sourcePort = registry.get(sourceNode.type)?.outputs.find((port) => port.id === candidate.sourceHandle);
  const targetPort = registry.get(targetNode.type)?.inputs.find((port) => port.id === candidate.targetHandle);
  if (!sourcePort || !targetPort) return { ok: true };
  if (sourcePort.kind !== targetPort.kind) {
    return { ok: false, reason: `${name(sourceNode)} ${sourcePort.id} is a ${sourcePort.kind} port; ${name(targetNode)} ${targetPort.id} takes ${targetPort.kind}` };
  }
  if (sourcePort.kind === "data" && !isSchemaAssignable(sourcePort.schema, targetPort.schema)) {
    return { ok: false, reason: `${name(sourceNode)} ${sourcePort.id} gives ${describeSchemaType(sourcePort.schema)}; ${name(targetNode)} ${targetPort.id} needs ${describeSchemaType(targetPort.schema)}` };
  }
  const isTaken = spec.edges.some((edge) => edge.target.node === candidate.target && edge.target.port === candidate.targetHandle);
  if (isTaken && !targetPort.acceptsMany) return { ok: false, reason: `${name(targetNode)} ${targetPort.id} already has an input` };
  const isDuplicate = spec.edges.some((edge) => edge.source.node === candidate.source && edge.source.port === candidate.sourceHandle && edge.target.node === candidate.target && edge.target.port === candidate.targetHandle);
  if (isDuplicate) return { ok: false, reason: "These ports are already connected" };
  return { ok: true };
}
