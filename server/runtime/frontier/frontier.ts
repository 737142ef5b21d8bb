// The run's frontier: everything needed to continue a run, persisted with each step (the checkpoint).
// Plain JSON so that it round-trips through Postgres unchanged.
import type { TGraphEdge } from "@/lib/graph";
import type { TNodeResult, TUsage, TWaitRequest, TWaitResolution } from "../node-implementation";
import type { TRunPlan } from "../compile-plan";

/** The port a source node is started on; its payload is the run input. */
export const START_PORT = "$start";

export type TMessage = {
  edgeId: string | null;
  node: string;
  port: string;
  payload: unknown;
  /** `[]` at the top level; `[i]` inside item i of a Map, `[i, k]` in iteration k of a Loop inside it. */
  scope: number[];
  /** Dead-path marker from a branch not taken: lets joins downstream complete instead of waiting forever. */
  isSkip: boolean;
};

/** One execution of an activation that was recorded as started before it ran (a start marker). */
export type TAttemptStart = { attempt: number; startedAt: number; owner: string };

export type TActivation = {
  /** `<node>:<scope>:<n>`: stable across crashes and replays, used as the step's idempotency key. */
  key: string;
  stepSeq: number;
  nodeId: string;
  scope: number[];
  inputs: Record<string, TMessage[]>;
  /** Every required input was a skip marker: the node is skipped and passes the skip on. */
  isSkipped: boolean;
  /** `<node>:<scope>` of the state this activation reads and writes (a Map's item results share their Map's). */
  stateKey: string;
  /**
   * Set and saved before an effectful activation runs (mark-started.ts), so that the executor taking the run over after
   * a crash knows it may have acted already and re-executes it as the next attempt, with the same idempotency key.
   */
  started?: TAttemptStart;
  /** Attempts lost with their executor (a crash, a lease taken over), oldest first. */
  previousAttempts?: TAttemptStart[];
};

export type TWaitingActivation = TActivation & { wait: TWaitRequest };
export type TResolvedActivation = TActivation & { resolution: TWaitResolution };

export type TFrontier = {
  pending: TMessage[];
  /** Taken from `pending` but not yet recorded as a step: re-executed after a crash with the same key (as the next attempt when `started`). */
  inFlight: TActivation[];
  /** Parked durably (approval, delay). */
  waiting: TWaitingActivation[];
  /** Waits resolved while the run was parked; resumed first when the run continues. */
  resolved: TResolvedActivation[];
  outputs: Record<string, unknown>;
  /** Per-node state by `stateKey` (Map gather progress). */
  nodeState: Record<string, unknown>;
  /** Activations per `<node>:<scope>`, for keys and for Merge's first mode. */
  activationCounts: Record<string, number>;
  nextStepSeq: number;
  stepCount: number;
  /** Everything the run's steps consumed so far, failed steps included (run-limits.ts; checked against the budget). */
  usage: TUsage;
};

export function scopeKey(scope: readonly number[]): string {
  return scope.length === 0 ? "top" : scope.join(".");
}

/**
 * Every source node starts with the run input; a run started by a trigger starts at that trigger instead of the
 * graph's other entry points (Input nodes, other triggers), which are fed from outside too.
 */
export function createInitialFrontier(plan: TRunPlan, runInput: unknown, startNodeId?: string | null): TFrontier {
  const isEntry = (nodeId: string) => ["io", "trigger"].includes(plan.nodes.get(nodeId)!.implementation.definition.category);
  const sourceIds = startNodeId && plan.nodes.has(startNodeId) ? plan.sourceIds.filter((nodeId) => nodeId === startNodeId || !isEntry(nodeId)) : plan.sourceIds;
  return {
    pending: sourceIds.map((node) => ({ edgeId: null, node, port: START_PORT, payload: runInput, scope: [], isSkip: false })),
    inFlight: [],
    waiting: [],
    resolved: [],
    outputs: {},
    nodeState: {},
    activationCounts: {},
    nextStepSeq: 1,
    stepCount: 0,
    usage: { tokens: 0, costUsd: 0 },
  };
}

/** Records a finished activation: routes its outputs (or skip markers) along outgoing edges. Its usage is counted by drive-run (any step status). */
export function applyActivationResult(
  plan: TRunPlan,
  frontier: TFrontier,
  activation: TActivation,
  result: Extract<TNodeResult, { kind: "outputs" }> | { kind: "skipped" },
): TFrontier {
  const planNode = plan.nodes.get(activation.nodeId);
  const outgoing: Map<string, TGraphEdge[]> = planNode?.outgoing ?? new Map();
  const send = (port: string, payload: unknown, scope: number[], isSkip: boolean): TMessage[] =>
    (outgoing.get(port) ?? []).map((edge) => ({ edgeId: edge.id, node: edge.target.node, port: edge.target.port, payload, scope, isSkip }));
  const emitted: TMessage[] = [];
  if (result.kind === "skipped") {
    const skipPorts = planNode?.implementation.skipPorts ?? [...outgoing.keys()];
    for (const port of skipPorts) emitted.push(...send(port, null, activation.scope, true));
  } else {
    for (const port of outgoing.keys()) {
      const isLive = Object.hasOwn(result.outputs, port);
      if (isLive || !result.emissions) emitted.push(...send(port, isLive ? result.outputs[port] : null, activation.scope, !isLive));
    }
    for (const emission of result.emissions ?? []) emitted.push(...send(emission.port, emission.payload, emission.scope, false));
  }
  const runOutput = result.kind === "outputs" ? result.runOutput : undefined;
  const nodeState = result.kind === "outputs" && "state" in result ? withState(frontier.nodeState, activation.stateKey, result.state) : frontier.nodeState;
  return {
    ...frontier,
    nodeState,
    pending: [...frontier.pending, ...emitted],
    inFlight: frontier.inFlight.filter((candidate) => candidate.key !== activation.key),
    resolved: frontier.resolved.filter((candidate) => candidate.key !== activation.key),
    outputs: runOutput ? { ...frontier.outputs, [runOutput.name]: runOutput.value } : frontier.outputs,
    stepCount: frontier.stepCount + 1,
  };
}

function withState(states: Record<string, unknown>, key: string, state: unknown): Record<string, unknown> {
  const next = { ...states };
  if (state === undefined || state === null) delete next[key];
  else next[key] = state;
  return next;
}

export function parkActivation(frontier: TFrontier, activation: TActivation, wait: TWaitRequest): TFrontier {
  return {
    ...frontier,
    inFlight: frontier.inFlight.filter((candidate) => candidate.key !== activation.key),
    waiting: [...frontier.waiting, { ...activation, wait }],
  };
}

/** Moves a parked activation to `resolved`; undefined when `nodeId` has no such wait. */
export function resolveWait(frontier: TFrontier, nodeId: string, kind: "approval" | "delay", resolution: TWaitResolution): TFrontier | undefined {
  const waiting = frontier.waiting.find((candidate) => candidate.nodeId === nodeId && candidate.wait.kind === kind);
  if (!waiting) return undefined;
  const { wait: _wait, ...activation } = waiting;
  return {
    ...frontier,
    waiting: frontier.waiting.filter((candidate) => candidate !== waiting),
    resolved: [...frontier.resolved, { ...activation, resolution }],
  };
}

/** Resolves the wait parked by step `stepSeq` (a Sub-graph step whose child run ended). */
export function resolveWaitOfStep(frontier: TFrontier, stepSeq: number, resolution: TWaitResolution): TFrontier | undefined {
  const waiting = frontier.waiting.find((candidate) => candidate.stepSeq === stepSeq);
  if (!waiting) return undefined;
  const { wait: _wait, ...activation } = waiting;
  return { ...frontier, waiting: frontier.waiting.filter((candidate) => candidate !== waiting), resolved: [...frontier.resolved, { ...activation, resolution }] };
}

/** Resolves every delay due at `now`. */
export function resolveElapsedDelays(frontier: TFrontier, now: number): TFrontier {
  const due = frontier.waiting.filter((candidate) => candidate.wait.kind === "delay" && candidate.wait.until <= now);
  if (due.length === 0) return frontier;
  return {
    ...frontier,
    waiting: frontier.waiting.filter((candidate) => !due.includes(candidate)),
    resolved: [...frontier.resolved, ...due.map(({ wait: _wait, ...activation }) => ({ ...activation, resolution: { kind: "elapsed" as const } }))],
  };
}

/** The earliest time a parked delay is due, if any. */
export function nextWakeAt(frontier: TFrontier): number | undefined {
  const times = frontier.waiting.flatMap((candidate) => (candidate.wait.kind === "delay" ? [candidate.wait.until] : []));
  return times.length > 0 ? Math.min(...times) : undefined;
}
