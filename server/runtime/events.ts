// The typed map of run events. Each persisted event gets a per-run `seq` from the event writer.
import type { TStepError } from "./errors";

/** `nodeType`: the attached node's type (metrics and spans group calls by it). */
type TCallEventBase = { stepSeq: number; callId: string; callerNodeId: string; nodeType: string; kind: "model" | "tool" | "memory"; operation: string };

export type TRunEventMap = {
  /** Each drive of the run starts with it (again after a park or a takeover); the run's W3C trace (trace-context.ts). */
  "run.started": { isResumed: boolean; traceId: string; parentSpanId: string | null };
  "run.waiting": { nodeIds: string[] };
  "run.completed": { output: unknown };
  "run.failed": { error: TStepError & { nodeId?: string } };
  "run.cancelled": { reason: string };
  /** Node-instance lifecycle: created at its first activation in the run, activated each time, retired at run end. */
  "node.created": Record<string, never>;
  "node.activated": { stepSeq: number; scope: number[] };
  "node.retired": { activations: number };
  /** `isResume`: the step parked on a wait (approval, delay, child run) and now computes its outputs from the resolution. */
  "node.started": { stepSeq: number; attempt: number; scope: number[]; nodeType: string; isResume?: true };
  "node.completed": { stepSeq: number; durationMs: number; ports: string[] };
  "node.skipped": { stepSeq: number };
  "node.failed": { stepSeq: number; error: TStepError };
  "node.retrying": { stepSeq: number; attempt: number; delayMs: number; error: TStepError };
  "node.waiting": { stepSeq: number; kind: "approval" | "delay" | "subgraph" };
  "node.output_chunk": { stepSeq: number; chunk: string };
  "node.log": { stepSeq: number; level: "info" | "warn" | "error"; message: string };
  /** An attached node (model, tool, memory) invoked by `callerNodeId` during its step `stepSeq`; the event's node is the attached one. */
  "node.call_started": TCallEventBase & { input?: unknown };
  "node.call_finished": TCallEventBase & { ok: boolean; durationMs: number; output?: unknown; error?: { code: string; message: string }; usage?: { tokens: number; costUsd: number } };
  /**
   * A model call's attempt failed and the model node's retry policy tries again (`attempt` is the next one). The text
   * the failed attempt streamed through `callerNodeId`'s `node.output_chunk` events, its last `discardedChars`
   * characters, is void: the next attempt streams its answer from the start.
   */
  "model.retry": TCallEventBase & { attempt: number; delayMs: number; error: { code: string; message: string }; discardedChars: number };
  /**
   * Recorded runs of an OpenClaw gateway only (server/openclaw-gateway/): the node's streamed text as the gateway's
   * history has it after a gap in its events (it replaces what the chunks had built), and a sub-agent spawn along a
   * delegation edge.
   */
  "node.output_replaced": { stepSeq: number; text: string; reason: string };
  "agent.delegated": { edgeId: string | null; fromNodeId: string; toNodeId: string };
  /** Messages waiting on each edge whose depth changed with the last step (backpressure on the canvas). */
  "edge.depth": { depths: Record<string, number> };
};

export type TRunEventType = keyof TRunEventMap;

export type TRunEvent = {
  [K in TRunEventType]: { runId: string; type: K; nodeId: string | null; payload: TRunEventMap[K]; ts: number };
}[TRunEventType];
