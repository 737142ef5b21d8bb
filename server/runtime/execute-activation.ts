// Runs one activation of a node: retries with backoff, a timeout, cancellation through AbortSignal, and a record of
// the non-deterministic values it observed.
import type { TActivationSlots } from "./activation-slots";
import type { TAttachedCall, TAttachedNodes, TBudgetLeft } from "./attached-contract";
import type { TClock } from "./clock";
import type { TPlanNode } from "./compile-plan";
import { isRetriable, NodeTimeoutError, NonRetriableError, toStepError, type TStepError } from "./errors";
import type { TRunEvent } from "./events";
import type { TActivation, TResolvedActivation } from "./frontier/frontier";
import type { TChildRunRequest, TChildRunResult, TNodeContext, TNodeResult } from "./node-implementation";
import { DEFAULT_RETRY, getRetryDelayMs } from "./retry-policy";
import type { TRecordedStep, TStepEffects } from "./run-store";
import { formatTraceparent, stepSpanId } from "./trace-context";

/**
 * How an activation runs: live, live with the fork's edited input, live with recorded time/randomness, from a record,
 * or not at all (a replay through another version that may not call anything live: the step fails with the reason).
 */
export type TExecutionDirective =
  | { kind: "live"; inputOverride?: Record<string, unknown> }
  | { kind: "replay-pure"; effects: TStepEffects | undefined }
  | { kind: "recorded"; step: TRecordedStep | undefined }
  | { kind: "refused"; reason: string };

export type TActivationOutcome = {
  activation: TActivation;
  attempt: number;
  startedAt: number;
  finishedAt: number;
  effects: TStepEffects;
  input: Record<string, unknown>;
} & ({ kind: "result"; result: TNodeResult } | { kind: "skipped" } | { kind: "error"; error: TStepError });

export type TActivationEnvironment = {
  runId: string;
  /** The run's W3C trace id: each attempt runs in its own span of it (trace-context.ts). */
  traceId: string;
  runInput: unknown;
  clock: TClock;
  random: () => number;
  slots: TActivationSlots;
  emit: (event: TRunEvent) => void;
  /** `stepSpan`: the span of the attempt that starts the child; the child's trace continues from it. */
  startChildRun: (stepSeq: number, request: TChildRunRequest, stepSpan: string) => Promise<{ runId: string; finished?: TChildRunResult }>;
  resolveSecret: (name: string) => Promise<string>;
  /**
   * The node's attached nodes, recording each call into `calls` (bind-attached-nodes.ts), cancelled with the attempt's
   * `signal`; `whileWaiting` gives the activation slot back during a wait on another run. Calls are spans under `stepSpan`.
   */
  bindAttached: (
    activation: TActivation,
    idempotencyKey: string,
    calls: TAttachedCall[],
    signal: AbortSignal,
    whileWaiting: <T>(wait: () => Promise<T>) => Promise<T>,
    stepSpan: string,
  ) => TAttachedNodes;
  budget: () => TBudgetLeft;
  /** Aborts when the run is cancelled or the process stops. */
  signal: AbortSignal;
};

export async function executeActivation(
  env: TActivationEnvironment,
  planNode: TPlanNode,
  activation: TActivation | TResolvedActivation,
  state: unknown,
  directive: TExecutionDirective = { kind: "live" },
): Promise<TActivationOutcome> {
  const input = directive.kind === "live" && directive.inputOverride ? directive.inputOverride : collectInputs(planNode, activation);
  const skippedPorts = Object.entries(activation.inputs).flatMap(([port, messages]) => (messages.some((message) => message.isSkip) ? [port] : []));
  // A re-executed activation (its executor lost the run) records the attempts it repeats and counts on from them.
  const { previousAttempts } = activation;
  const effects: TStepEffects = { now: [], random: [], ...(previousAttempts?.length ? { previousAttempts } : {}) };
  const firstAttempt = activation.started?.attempt ?? 1;
  const startedAt = env.clock.now();
  const base = { activation, effects, input, startedAt };
  if (activation.isSkipped) return { ...base, kind: "skipped", attempt: 1, finishedAt: startedAt };
  if (directive.kind === "recorded") return fromRecord(base, planNode, directive.step);
  if (directive.kind === "refused") return { ...base, kind: "error", attempt: 1, finishedAt: startedAt, error: toStepError(new NonRetriableError(directive.reason)) };
  const recorded = directive.kind === "replay-pure" ? { now: [...(directive.effects?.now ?? [])], random: [...(directive.effects?.random ?? [])] } : undefined;

  const nodeId = activation.nodeId;
  const emit = (type: TRunEvent["type"], payload: object) => env.emit({ runId: env.runId, type, nodeId, payload, ts: env.clock.now() } as TRunEvent);
  const policy = planNode.node.retry ?? DEFAULT_RETRY;

  for (let attempt = firstAttempt; ; attempt++) {
    // The retry policy counts this executor's tries: losing an executor is not the node's failure.
    const tries = attempt - firstAttempt + 1;
    const isResume = "resolution" in activation;
    emit("node.started", { stepSeq: activation.stepSeq, attempt, scope: activation.scope, nodeType: planNode.node.type, ...(isResume ? { isResume } : {}) });
    const spanId = stepSpanId(env.runId, activation.stepSeq, attempt, isResume);
    // One signal per attempt: the run's, plus the node's timeout. Attached calls (a model stream, a tool) get it too.
    const attemptSignal = createAttemptSignal(env.signal, planNode.node.timeoutMs);
    const slot = createSlotHolder(env);
    const idempotencyKey = `${env.runId}:${activation.key}`;
    // Each attempt starts a fresh record: a retried agent's calls are those of the attempt that counted.
    const calls: TAttachedCall[] = [];
    const context: TNodeContext = {
      runId: env.runId,
      nodeId,
      config: planNode.node.config,
      inputs: input,
      skippedPorts,
      wiredOutputs: [...planNode.outgoing.keys()],
      state,
      runInput: env.runInput,
      scope: activation.scope,
      attempt,
      idempotencyKey,
      traceparent: formatTraceparent(env.traceId, spanId),
      signal: attemptSignal.signal,
      now: () => record(effects.now, recorded?.now.shift() ?? env.clock.now()),
      random: () => record(effects.random, recorded?.random.shift() ?? env.random()),
      emit: (type, payload) => emit(type, { ...payload, stepSeq: activation.stepSeq }),
      startChildRun: (request) => env.startChildRun(activation.stepSeq, request, spanId),
      resolveSecret: env.resolveSecret,
      attached: env.bindAttached(activation, idempotencyKey, calls, attemptSignal.signal, slot.whileWaiting, spanId),
      budget: env.budget(),
    };
    try {
      const result = await runOnce(planNode, activation, context, attemptSignal, slot).finally(() => {
        if (calls.length > 0) effects.calls = calls;
      });
      if (result.kind === "outputs") effects.result = { emissions: result.emissions, state: result.state, runOutput: result.runOutput };
      else effects.result = { wait: result.wait };
      return { ...base, kind: "result", result, attempt, finishedAt: env.clock.now() };
    } catch (error) {
      const stepError = toStepError(error);
      if (env.signal.aborted || !isRetriable(error) || tries >= policy.attempts) {
        return { ...base, kind: "error", error: stepError, attempt, finishedAt: env.clock.now() };
      }
      const delayMs = getRetryDelayMs(policy, tries, error, env.random);
      emit("node.retrying", { stepSeq: activation.stepSeq, attempt: attempt + 1, delayMs, error: stepError });
      try {
        await env.clock.sleep(delayMs, env.signal);
      } catch {
        return { ...base, kind: "error", error: stepError, attempt, finishedAt: env.clock.now() };
      }
    }
  }
}

type TAttemptSignal = { signal: AbortSignal; timeout?: AbortSignal; timeoutMs?: number };

function createAttemptSignal(runSignal: AbortSignal, timeoutMs: number | undefined): TAttemptSignal {
  const timeout = timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined;
  return { signal: timeout ? AbortSignal.any([runSignal, timeout]) : runSignal, timeout, timeoutMs };
}

type TSlotHolder = { acquire(): Promise<void>; release(): void; whileWaiting<T>(wait: () => Promise<T>): Promise<T> };

/**
 * The activation slot an executing node holds. A node waiting on other work of the runtime (a Sub-graph tool's child
 * run) gives its slot back while it waits, so waiting parents cannot starve the children they wait for.
 */
function createSlotHolder(env: TActivationEnvironment): TSlotHolder {
  let release: (() => void) | undefined;
  const holder: TSlotHolder = {
    async acquire() {
      release = await env.slots.acquire(env.signal);
    },
    release() {
      release?.();
      release = undefined;
    },
    async whileWaiting(wait) {
      if (!release) return wait();
      holder.release();
      try {
        return await wait();
      } finally {
        await holder.acquire();
      }
    },
  };
  return holder;
}

async function runOnce(planNode: TPlanNode, activation: TActivation | TResolvedActivation, context: TNodeContext, attempt: TAttemptSignal, slot: TSlotHolder): Promise<TNodeResult> {
  const implementation = planNode.implementation;
  if ("resolution" in activation) {
    if (!implementation.resume) throw new Error(`${implementation.definition.type} cannot resume a wait`);
    return implementation.resume(context, activation.resolution);
  }
  await slot.acquire();
  const { timeout, timeoutMs } = attempt;
  try {
    const execution = implementation.execute(context);
    if (!timeout) return await execution;
    return await Promise.race([
      execution,
      new Promise<never>((_, reject) => timeout.addEventListener("abort", () => reject(new NodeTimeoutError(`Timed out after ${timeoutMs} ms`)), { once: true })),
    ]);
  } finally {
    slot.release();
  }
}

/** Serves an activation from the source run's step: no node code runs. */
function fromRecord(base: Omit<TActivationOutcome, "kind" | "attempt" | "finishedAt">, planNode: TPlanNode, step: TRecordedStep | undefined): TActivationOutcome {
  // The source's lost attempts happened in that run, not in this one.
  const { previousAttempts: _previousAttempts, ...recorded } = step?.effects ?? base.effects;
  const finished = { ...base, attempt: 1, finishedAt: base.startedAt, effects: recorded };
  const name = planNode.node.label || planNode.node.id;
  if (!step) return { ...finished, kind: "error", error: toStepError(new NonRetriableError(`The source run has no record of "${name}" here: the runs diverged`)) };
  if (step.status === "skipped") return { ...finished, kind: "skipped" };
  if (step.status === "failed") return { ...finished, kind: "error", error: step.error ?? { code: "Error", message: "failed in the source run" } };
  const result = step.effects.result;
  if (result?.wait) return { ...finished, kind: "result", result: { kind: "wait", wait: result.wait } };
  const outputs = (step.output ?? {}) as Record<string, unknown>;
  return { ...finished, kind: "result", result: { kind: "outputs", outputs, emissions: result?.emissions, state: result?.state, runOutput: result?.runOutput } };
}

/** One payload per port; a port that takes many edges gets the list of live payloads in edge order. */
export function collectInputs(planNode: TPlanNode, activation: TActivation): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [port, messages] of Object.entries(activation.inputs)) {
    const isMany = planNode.inputs.get(port)?.definition.acceptsMany ?? false;
    const live = messages.filter((message) => !message.isSkip);
    inputs[port] = isMany ? live.map((message) => message.payload) : live[0]?.payload;
  }
  return inputs;
}

function record(list: number[], value: number): number {
  list.push(value);
  return value;
}
