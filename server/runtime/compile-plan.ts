// A graph spec compiled for execution: per node its type, its incoming ports and its outgoing edges.
import { isInputRequired, type TGraphEdge, type TGraphNode, type TGraphSpec, type TPortDefinition } from "@/lib/graph";
import { isGroupNode } from "@/lib/graph/group-node";
import { NonRetriableError } from "./errors";
import type { TNodeImplementation, TNodeImplementations } from "./node-implementation";

export type TPlanInput = { definition: TPortDefinition; edgeIds: string[]; isRequired: boolean };

export type TPlanNode = {
  node: TGraphNode;
  implementation: TNodeImplementation;
  /** Data and control inputs that have edges. `isRequired` decides only whether a skip on it skips the node. */
  inputs: Map<string, TPlanInput>;
  /** Data and control edges leaving each output port. */
  outgoing: Map<string, TGraphEdge[]>;
  /** Wired to another node's tool/model/memory port: invoked by that node, never activated by messages. */
  isAttached: boolean;
  /** Nodes attached to this one, by this node's input port, in edge order. */
  attachments: Map<string, string[]>;
};

export type TRunPlan = { spec: TGraphSpec; nodes: Map<string, TPlanNode>; sourceIds: string[] };

const MESSAGE_KINDS = new Set(["data", "control"]);

export function compilePlan(spec: TGraphSpec, implementations: TNodeImplementations): TRunPlan {
  const nodes = new Map<string, TPlanNode>();
  for (const node of spec.nodes) {
    // A Group is a frame drawn in the editor: nothing to run, and it has no ports for an edge to use.
    if (node.disabled || isGroupNode(node)) continue;
    const implementation = implementations.get(node.type);
    if (!implementation) throw new NonRetriableError(`Node "${node.label || node.id}" has an unknown type ${node.type}`);
    nodes.set(node.id, { node, implementation, inputs: new Map(), outgoing: new Map(), isAttached: false, attachments: new Map() });
  }
  for (const edge of spec.edges) {
    const source = nodes.get(edge.source.node);
    const target = nodes.get(edge.target.node);
    if (!source || !target) continue;
    const sourcePort = source.implementation.definition.outputs.find((port) => port.id === edge.source.port);
    const targetPort = target.implementation.definition.inputs.find((port) => port.id === edge.target.port);
    if (!sourcePort || !targetPort) {
      throw new NonRetriableError(`Edge "${edge.id}" connects ports that its nodes do not have`);
    }
    if (!MESSAGE_KINDS.has(sourcePort.kind)) {
      source.isAttached = true;
      target.attachments.set(targetPort.id, [...(target.attachments.get(targetPort.id) ?? []), source.node.id]);
      continue;
    }
    const input = target.inputs.get(targetPort.id) ?? { definition: targetPort, edgeIds: [], isRequired: isInputRequired(targetPort) || targetPort.kind === "control" };
    input.edgeIds.push(edge.id);
    target.inputs.set(targetPort.id, input);
    source.outgoing.set(sourcePort.id, [...(source.outgoing.get(sourcePort.id) ?? []), edge]);
  }
  const sourceIds = [...nodes.values()].filter(isStartNode).map((plan) => plan.node.id);
  return { spec, nodes, sourceIds };
}

/**
 * Only a node with no wired data or control input starts a run: a wired input, required or optional, means the node
 * waits for it. A node that only offers attachments (a model provider, a memory) never starts on its own.
 */
function isStartNode(plan: TPlanNode): boolean {
  return plan.inputs.size === 0 && !plan.isAttached && !isAttachOnly(plan.implementation);
}

function isAttachOnly(implementation: TNodeImplementation): boolean {
  const { outputs } = implementation.definition;
  return outputs.length > 0 && outputs.every((port) => !MESSAGE_KINDS.has(port.kind));
}
