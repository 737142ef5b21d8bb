// Gives a node its attached nodes (model, tools, memory) as callable handles. Every call is recorded in the caller's
// step (so replay serves it and the run page nests it), announced as events on the attached node, counted in the
// attached node's lifecycle, and every answer (model reply, tool result, memory) is redacted before the caller sees it.
import type { TAttachedCall, TAttachedContext, TAttachedNode, TAttachedNodes, TBudgetLeft } from "./attached-contract";
import type { TRunPlan } from "./compile-plan";
import type { TRetryPolicy } from "@/lib/graph";
import { truncateJson } from "@/lib/run-values/truncate-json";
import { isRetriable, NonRetriableError, toStepError } from "./errors";
import type { TRunEventMap } from "./events";
import type { TChildRunRequest, TChildRunResult } from "./node-implementation";
import { DEFAULT_RETRY, getRetryDelayMs } from "./retry-policy";
import { callSpanId, formatTraceparent } from "./trace-context";

/** Model calls fail for passing reasons (rate limits, overload) often enough to retry by default. */
export const DEFAULT_MODEL_RETRY: TRetryPolicy = { attempts: 3, backoffMs: 1_000, maxBackoffMs: 30_000 };

/** Agents that delegate to agents: a chain longer than this is refused (it is usually an accidental cycle). */
export const MAX_ATTACHED_DEPTH = 4;

export type TAttachEnvironment = {
  runId: string;
  runInput: unknown;
  plan: TRunPlan;
  signal: AbortSignal;
  now(): number;
  random(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  emit<K extends keyof TRunEventMap>(type: K, nodeId: string, payload: TRunEventMap[K]): void;
  resolveSecret(name: string): Promise<string>;
  redact<T>(value: T): T;
  /** A node was invoked as an attachment (its lifecycle: created at the first call, activated at each). */
  onInvoked(nodeId: string): void;
  /** A model call's usage, as it finishes: the caller's step counts it even if it (or a delegated agent) then fails. */
  onSpent(usage: { tokens: number; costUsd: number }): void;
  /**
   * A child run keyed by the call's idempotency key (so a re-executed step finds it again), awaited to its end; its
   * trace continues from the call's span.
   */
  runGraph(key: string, request: TChildRunRequest, callSpan: string): Promise<TChildRunResult>;
};

export type TAttachedCaller = {
  nodeId: string;
  stepSeq: number;
  idempotencyKey: string;
  budget: TBudgetLeft;
  /** The caller step's record of calls: appended to in call order. */
  calls: TAttachedCall[];
  /** The run's trace and the span of the caller step's attempt: each call is a span under it (trace-context.ts). */
  traceId: string;
  stepSpan: string;
};

type TRetry = Omit<TRunEventMap["model.retry"], "discardedChars">;

export function bindAttachedNodes(env: TAttachEnvironment, caller: TAttachedCaller, depth = 1): TAttachedNodes {
  const planNode = env.plan.nodes.get(caller.nodeId);
  const bound: TAttachedNodes = {};
  for (const [port, nodeIds] of planNode?.attachments ?? []) {
    bound[port] = nodeIds.map((nodeId) => bindOne(env, caller, nodeId, depth));
  }
  return bound;
}

function bindOne(env: TAttachEnvironment, caller: TAttachedCaller, nodeId: string, depth: number): TAttachedNode {
  const planNode = env.plan.nodes.get(nodeId)!;
  const facets = planNode.implementation.attachment ?? {};
  const name = planNode.node.label || planNode.node.id;
  const context = (callIndex: number): TAttachedContext => {
    if (depth > MAX_ATTACHED_DEPTH) throw new NonRetriableError(`"${name}" is attached more than ${MAX_ATTACHED_DEPTH} levels deep (agents delegating in a cycle?)`);
    const idempotencyKey = `${caller.idempotencyKey}:call-${callIndex}`;
    const spanId = callSpanId(caller.stepSpan, toCallId(caller.stepSeq, callIndex));
    const self: TAttachedCaller = { ...caller, nodeId, idempotencyKey };
    return {
      runId: env.runId,
      nodeId,
      config: planNode.node.config,
      runInput: env.runInput,
      idempotencyKey,
      traceparent: formatTraceparent(caller.traceId, spanId),
      signal: env.signal,
      now: env.now,
      random: env.random,
      emit: (type, payload) => env.emit(type, nodeId, { ...payload, stepSeq: caller.stepSeq } as never),
      resolveSecret: env.resolveSecret,
      attached: bindAttachedNodes(env, self, depth + 1),
      budget: caller.budget,
      depth,
      runGraph: (request) => env.runGraph(idempotencyKey, request, spanId),
    };
  };

  async function invoke<T>(kind: TAttachedCall["kind"], operation: string, input: unknown, run: (context: TAttachedContext) => Promise<T>, usageOf?: (output: T) => TAttachedCall["usage"], onRetry?: (retry: TRetry) => void): Promise<T> {
    const callIndex = caller.calls.length;
    const call: TAttachedCall = { callId: toCallId(caller.stepSeq, callIndex), nodeId, kind, operation, startedAt: env.now(), finishedAt: 0, input };
    caller.calls.push(call);
    env.onInvoked(nodeId);
    const base = { stepSeq: caller.stepSeq, callId: call.callId, callerNodeId: caller.nodeId, nodeType: planNode.node.type, kind, operation };
    // Events carry previews of big values; the step's record keeps them whole (the run page loads them on demand).
    env.emit("node.call_started", nodeId, { ...base, input: kind === "tool" ? truncateJson(input) : undefined });
    try {
      const output = await withRetries(kind, () => run(context(callIndex)), (retry) => onRetry?.({ ...base, ...retry }));
      // A model's reply and a tool's answer alike: the caller (an agent, and through it the next model call) gets handles.
      call.output = env.redact(output);
      call.usage = usageOf?.(output);
      if (kind === "model" && call.usage) env.onSpent(call.usage);
      call.finishedAt = env.now();
      env.emit("node.call_finished", nodeId, { ...base, ok: true, durationMs: call.finishedAt - call.startedAt, output: kind === "tool" ? truncateJson(call.output) : undefined, usage: call.usage });
      return call.output as T;
    } catch (error) {
      // A tool's error text goes back to the model like its result: without the run's secrets.
      if (error instanceof Error) error.message = env.redact(error.message);
      call.error = { code: toStepError(error).code, message: toStepError(error).message };
      call.finishedAt = env.now();
      env.emit("node.call_finished", nodeId, { ...base, ok: false, durationMs: call.finishedAt - call.startedAt, error: call.error });
      throw error;
    }
  }

  /** The attached node's own retry policy: a rate-limited model call is retried alone, not the caller's whole step. */
  async function withRetries<T>(kind: TAttachedCall["kind"], attempt: () => Promise<T>, onRetry: (retry: Pick<TRetry, "attempt" | "delayMs" | "error">) => void): Promise<T> {
    const policy = planNode.node.retry ?? (kind === "model" ? DEFAULT_MODEL_RETRY : DEFAULT_RETRY);
    for (let number = 1; ; number++) {
      try {
        return await attempt();
      } catch (error) {
        if (env.signal.aborted || !isRetriable(error) || number >= policy.attempts) throw error;
        const { code, message } = toStepError(error);
        const delayMs = getRetryDelayMs(policy, number, error, env.random);
        env.emit("node.log", nodeId, { stepSeq: caller.stepSeq, level: "warn", message: `Attempt ${number} failed (${message}); retrying` });
        onRetry({ attempt: number + 1, delayMs, error: { code, message } });
        await env.sleep(delayMs, env.signal);
      }
    }
  }

  const attached: TAttachedNode = { nodeId, name, type: planNode.node.type };
  if (facets.model) {
    const model = facets.model;
    attached.model = (request) => {
      // A snapshot: the caller keeps appending to its messages array after this call.
      const { onToken, ...rest } = request;
      const recorded = { ...rest, messages: [...request.messages] };
      // What the current attempt streamed: a retry voids it (the caller's live text, the step's streamed text).
      let streamedChars = 0;
      const counted = { ...request, onToken: onToken && ((text: string) => ((streamedChars += text.length), onToken(text))) };
      const onRetry = (retry: TRetry) => {
        env.emit("model.retry", nodeId, { ...retry, discardedChars: streamedChars });
        streamedChars = 0;
      };
      return invoke("model", "complete", recorded, (context) => model(context, counted), (response) => ({
        tokens: response.usage.inputTokens + response.usage.outputTokens,
        costUsd: response.costUsd,
      }), onRetry);
    };
  }
  if (facets.tools) {
    const tools = facets.tools;
    attached.tools = {
      list: () => tools.list(context(caller.calls.length)),
      call: (toolName, args) => invoke("tool", toolName, args, (context) => tools.call(context, toolName, args), (result) => result.usage),
    };
  }
  if (facets.memory) {
    const memory = facets.memory;
    attached.memory = {
      load: (sessionKey) => invoke("memory", "load", { sessionKey }, (context) => memory.load(context, sessionKey)),
      append: (sessionKey, messages) => invoke("memory", "append", { sessionKey, count: messages.length }, (context) => memory.append(context, sessionKey, messages)),
    };
  }
  return attached;
}

/** The i-th call of a step attempt; its span id derives from it (trace-context.ts). */
function toCallId(stepSeq: number, callIndex: number): string {
  return `${stepSeq}.${callIndex}`;
}
