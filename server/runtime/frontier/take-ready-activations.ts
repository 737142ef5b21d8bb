// Which nodes can activate now: for each (node, scope), a join over its required inputs. Pure and deterministic
// (arrival order), so a frontier restored from a checkpoint continues exactly where the crashed executor stopped.
import type { TPlanInput, TRunPlan } from "../compile-plan";
import { scopeKey, START_PORT, type TActivation, type TFrontier, type TMessage } from "./frontier";

type TGroup = { nodeId: string; scope: number[]; messages: TMessage[] };

export function takeReadyActivations(plan: TRunPlan, frontier: TFrontier, limit: number): { frontier: TFrontier; activations: TActivation[] } {
  const groups = new Map<string, TGroup>();
  for (const message of frontier.pending) {
    const key = `${message.node}:${scopeKey(message.scope)}`;
    const group = groups.get(key) ?? { nodeId: message.node, scope: message.scope, messages: [] };
    group.messages.push(message);
    groups.set(key, group);
  }

  const consumed = new Set<TMessage>();
  const activations: TActivation[] = [];
  const activationCounts = { ...frontier.activationCounts };
  let nextStepSeq = frontier.nextStepSeq;

  for (const [groupKey, group] of groups) {
    if (activations.length >= limit) break;
    const planNode = plan.nodes.get(group.nodeId);
    if (!planNode) {
      group.messages.forEach((message) => consumed.add(message));
      continue;
    }
    const mode = planNode.implementation.getJoinMode?.(planNode.node.config) ?? "all";
    if (mode === "first" && (activationCounts[groupKey] ?? 0) > 0) {
      group.messages.forEach((message) => consumed.add(message));
      continue;
    }
    const taken = takeJoin(planNode.inputs, group.messages, mode);
    if (!taken) continue;
    taken.messages.forEach((message) => consumed.add(message));
    const count = activationCounts[groupKey] ?? 0;
    activationCounts[groupKey] = count + 1;
    activations.push({
      key: `${groupKey}:${count}`,
      stepSeq: nextStepSeq++,
      nodeId: group.nodeId,
      scope: group.scope,
      inputs: taken.inputs,
      isSkipped: taken.isSkipped,
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

type TJoin = { messages: TMessage[]; inputs: Record<string, TMessage[]>; isSkipped: boolean };

function takeJoin(inputs: Map<string, TPlanInput>, messages: TMessage[], mode: "all" | "first"): TJoin | undefined {
  const start = messages.find((message) => message.port === START_PORT);
  if (start) return { messages: [start], inputs: {}, isSkipped: false };

  const taken: Record<string, TMessage[]> = {};
  let hasLive = false;
  let isComplete = true;
  let isAnyRequiredSkipped = false;
  for (const [port, input] of inputs) {
    const onPort = messages.filter((message) => message.port === port);
    const perEdge = input.definition.acceptsMany
      ? input.edgeIds.flatMap((edgeId) => onPort.filter((message) => message.edgeId === edgeId).slice(0, 1))
      : onPort.slice(0, 1);
    const need = input.definition.acceptsMany ? input.edgeIds.length : 1;
    if (perEdge.length > 0) taken[port] = perEdge;
    if (perEdge.some((message) => !message.isSkip)) hasLive = true;
    if (!input.isRequired) continue;
    if (perEdge.length < need) isComplete = false;
    else if (perEdge.every((message) => message.isSkip)) isAnyRequiredSkipped = true;
  }

  if (mode === "first") {
    if (hasLive) return keepLive(taken, false);
    return isComplete ? { messages: Object.values(taken).flat(), inputs: taken, isSkipped: true } : undefined;
  }
  if (!isComplete) return undefined;
  return keepLive(taken, isAnyRequiredSkipped);
}

function keepLive(taken: Record<string, TMessage[]>, isSkipped: boolean): TJoin {
  const messages = Object.values(taken).flat();
  const inputs = Object.fromEntries(Object.entries(taken).map(([port, list]) => [port, list.filter((message) => !message.isSkip)]));
  return { messages, inputs, isSkipped };
}
