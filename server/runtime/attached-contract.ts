// What attached nodes offer the node they are wired to (DESIGN §4 "Attached nodes"): a model answers a chat, a tool
// node lists and calls tools, a memory node loads and appends a conversation. Provider-neutral shapes: each model
// provider translates them to its own wire format.
import type { TJsonSchema } from "@/lib/graph";
import type { TRunEventMap } from "./events";
import type { TChildRunRequest, TChildRunResult } from "./node-implementation";

export type TToolCall = { id: string; name: string; arguments: unknown };

export type TChatMessage =
  | { role: "system"; content: string }
  | { role: "user"; content: string }
  | { role: "assistant"; content: string; toolCalls?: TToolCall[] }
  | { role: "tool"; toolCallId: string; name: string; content: string };

export type TToolSpec = { name: string; description: string; inputSchema: TJsonSchema };

export type TModelRequest = {
  messages: TChatMessage[];
  tools: TToolSpec[];
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  stop?: string[];
  /** Called with each streamed text delta, in order. */
  onToken?: (text: string) => void;
};

export type TModelUsage = { inputTokens: number; outputTokens: number };

export type TModelResponse = {
  content: string;
  toolCalls: TToolCall[];
  usage: TModelUsage;
  costUsd: number;
  model: string;
  finishReason: string;
};

/** The context an attached node is invoked with: its own config and attachments, the caller's run and step. */
export type TAttachedContext = {
  runId: string;
  nodeId: string;
  config: Record<string, unknown>;
  runInput: unknown;
  /** The caller's step key plus the call's index: stable when the caller's step is re-executed. */
  idempotencyKey: string;
  /** W3C `traceparent` of this call's span (trace-context.ts): outbound requests of the call send it on. */
  traceparent: string;
  signal: AbortSignal;
  now(): number;
  random(): number;
  emit<K extends "node.output_chunk" | "node.log">(type: K, payload: Omit<TRunEventMap[K], "stepSeq">): void;
  resolveSecret(name: string): Promise<string>;
  /** Nodes attached to this node (an Agent used as a tool has its own model and tools). */
  attached: TAttachedNodes;
  /** What is left of the run's budget when the caller's step started. */
  budget: TBudgetLeft;
  /** 1 for a node attached to an activated node, 2 for one attached to that, and so on. */
  depth: number;
  /** Runs another graph of the workspace as a child run and resolves with its result (a Sub-graph used as a tool). */
  runGraph(request: TChildRunRequest): Promise<TChildRunResult>;
};

export type TBudgetLeft = { tokens?: number; costUsd?: number };

export type TModelFacet = (context: TAttachedContext, request: TModelRequest) => Promise<TModelResponse>;

export type TToolFacet = {
  list(context: TAttachedContext): Promise<TToolSpec[]>;
  call(context: TAttachedContext, name: string, args: unknown): Promise<TToolResult>;
};

/** A tool's answer; `usage` when the tool itself consumed model tokens (a delegated agent). */
export type TToolResult = { output: unknown; usage?: { tokens: number; costUsd: number } };

export type TMemoryFacet = {
  load(context: TAttachedContext, sessionKey: string): Promise<TChatMessage[]>;
  append(context: TAttachedContext, sessionKey: string, messages: TChatMessage[]): Promise<void>;
};

/** An attached node as its caller sees it: the facets of its type, bound to its config, recorded by the runtime. */
export type TAttachedNode = {
  nodeId: string;
  /** The node's label, or its id. */
  name: string;
  type: string;
  model?: (request: TModelRequest) => Promise<TModelResponse>;
  tools?: { list(): Promise<TToolSpec[]>; call(name: string, args: unknown): Promise<TToolResult> };
  memory?: { load(sessionKey: string): Promise<TChatMessage[]>; append(sessionKey: string, messages: TChatMessage[]): Promise<void> };
};

/** By the caller's input port id (`model`, `tools`, `memory`), in edge order. */
export type TAttachedNodes = Record<string, TAttachedNode[]>;

/** One invocation of an attached node, kept in the caller step's effects (the run page nests them under the step). */
export type TAttachedCall = {
  callId: string;
  nodeId: string;
  kind: "model" | "tool" | "memory";
  operation: string;
  startedAt: number;
  finishedAt: number;
  input: unknown;
  output?: unknown;
  error?: { code: string; message: string };
  usage?: { tokens: number; costUsd: number };
};
