// Which nodes can activate now: for each (node, scope), a join over its wired inputs (join-inputs.ts). Pure and deterministic
// (arrival order), so a frontier restored from a checkpoint continues exactly where the crashed executor stopped.
import type { TPlanNode, TRunPlan } from "../compile-plan";
import { scopeKey, START_PORT, type TActivation, type TFrontier, type TMessage } from "./frontier";
import { joinInputs, type TJoin, type TJoinMode } from "./join-inputs";

export const DEFAULT_MAILBOX_CAPACITY = 64;

type TGroup = { nodeId: string; scope: number[]; messages: TMessage[] };
type TTaken = TJoin & { stateScope: number[] };

export function takeReadyActivations(
  plan: TRunPlan,
  frontier: TFrontier,
  limit: number,
  mailboxCapacity = DEFAULT_MAILBOX_CAPACITY,
): { frontier: TFrontier; activations: TActivation[] } {
  const groups = new Map<string, TGroup>();
  const depthByEdge = new Map<string, number>();
  for (const message of frontier.pending) {
    const key = `${message.node}:${scopeKey(message.scope)}`;
    const group = groups.get(key) ?? { nodeId: message.node, scope: message.scope, messages: [] };
    group.messages.push(message);
    groups.set(key, group);
    if (message.edgeId) depthByEdge.set(message.edgeId, (depthByEdge.get(message.edgeId) ?? 0) + 1);
  }

  const consumed = new Set<TMessage>();
  const activations: TActivation[] = [];
  const activationCounts = { ...frontier.activationCounts };
  const busyStates = new Set(frontier.inFlight.map((activation) => activation.stateKey));
  // A running producer will add one message per outgoing edge: count it against the mailbox already.
  const inFlightByNode = new Map<string, number>();
  for (const activation of frontier.inFlight) inFlightByNode.set(activation.nodeId, (inFlightByNode.get(activation.nodeId) ?? 0) + 1);
  let nextStepSeq = frontier.nextStepSeq;

  for (const [groupKey, group] of groups) {
    if (activations.length >= limit) break;
    const planNode = plan.nodes.get(group.nodeId);
    if (!planNode) {
      group.messages.forEach((message) => consumed.add(message));
      continue;
    }
    // Backpressure: a producer whose downstream mailbox is full waits until the consumer drains it. A node that closes
    // a cycle (Map, Loop) is the cycle's drain and bounds it itself; pausing it would deadlock the cycle.
    const isCycleCloser = (planNode.implementation.definition.cycleInputs ?? []).length > 0;
    if (!isCycleCloser && isAnyOutgoingFull(planNode, depthByEdge, inFlightByNode.get(group.nodeId) ?? 0, mailboxCapacity)) continue;
    const mode = planNode.implementation.getJoinMode?.(planNode.node.config) ?? "all";
    if (mode === "first" && (activationCounts[groupKey] ?? 0) > 0) {
      group.messages.forEach((message) => consumed.add(message));
      continue;
    }
    const taken = mode === "each" ? takeOne(planNode, group) : takeJoin(planNode, group.messages, mode, group.scope);
    if (!taken) continue;
    const stateKey = `${group.nodeId}:${scopeKey(taken.stateScope)}`;
    // Activations sharing a state run one at a time, so none of them overwrites another's update.
    if (mode === "each" && busyStates.has(stateKey)) continue;
    busyStates.add(stateKey);
    taken.messages.forEach((message) => consumed.add(message));
    const count = activationCounts[groupKey] ?? 0;
    activationCounts[groupKey] = count + 1;
    inFlightByNode.set(group.nodeId, (inFlightByNode.get(group.nodeId) ?? 0) + 1);
    activations.push({
      key: `${groupKey}:${count}`,
      stepSeq: nextStepSeq++,
      nodeId: group.nodeId,
      scope: group.scope,
      inputs: taken.inputs,
      isSkipped: taken.isSkipped,
      stateKey,
    });
  }

  if (activations.length === 0 && consumed.size === 0) return { frontier, activations };
  return {
    frontier: {
      ...frontier,
      pending: frontier.pending.filter((message) => !consumed.has(message)),
      inFlight: [...frontier.inFlight, ...activations],
      activationCounts,
      nextStepSeq,
    },
    activations,
  };
}

function isAnyOutgoingFull(planNode: TPlanNode, depthByEdge: Map<string, number>, running: number, capacity: number): boolean {
  for (const edges of planNode.outgoing.values()) {
    for (const edge of edges) if ((depthByEdge.get(edge.id) ?? 0) + running >= capacity) return true;
  }
  return false;
}

/** `each`: the group's first message alone. A skip on a cycle input is delivered (the node decides what it means). */
function takeOne(planNode: TPlanNode, group: TGroup): TTaken {
  const message = group.messages[0]!;
  const cycleInputs = planNode.implementation.definition.cycleInputs ?? [];
  const isCycleInput = cycleInputs.includes(message.port);
  const stateScope = isCycleInput ? group.scope.slice(0, -1) : group.scope;
  if (message.port === START_PORT) return { messages: [message], inputs: {}, isSkipped: false, stateScope };
  return { messages: [message], inputs: { [message.port]: [message] }, isSkipped: message.isSkip && !isCycleInput, stateScope };
}

/** `all` / `first`: a join over the node's wired inputs (join-inputs.ts); a source node takes its start message. */
function takeJoin(planNode: TPlanNode, messages: TMessage[], mode: TJoinMode, scope: number[]): TTaken | undefined {
  const start = messages.find((message) => message.port === START_PORT);
  if (start) return { messages: [start], inputs: {}, isSkipped: false, stateScope: scope };
  const join = joinInputs(planNode.inputs, messages, mode, planNode.implementation.definition.cycleInputs);
  return join && { ...join, stateScope: scope };
}
