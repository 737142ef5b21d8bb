// What the runtime needs from a node type: its definition (lib/graph) plus the code that executes it.
import type { TNodeTypeDefinition } from "@/lib/graph";
import type { TAttachedNodes, TBudgetLeft, TMemoryFacet, TModelFacet, TToolFacet } from "./attached-contract";
import type { TRunEventMap } from "./events";

export type TNodeContext = {
  runId: string;
  nodeId: string;
  config: Record<string, unknown>;
  /** Payload per input port; an `acceptsMany` port gets an array in edge order. */
  inputs: Record<string, unknown>;
  /** Input ports that received a skip marker (only `each` nodes see these; others are skipped instead). */
  skippedPorts: string[];
  /** What this node kept for the scope it works in (a Map's gather progress); undefined at first. */
  state: unknown;
  /** Output ports with at least one edge: a node may refuse to send what nobody handles (an unhandled rejection). */
  wiredOutputs: string[];
  /** The run's input, as validated at start. */
  runInput: unknown;
  scope: number[];
  attempt: number;
  /** Stable across re-executions of the same activation (crash, retry): give it to anything external. */
  idempotencyKey: string;
  /** W3C `traceparent` of this attempt's span (trace-context.ts): outbound requests of the step send it on. */
  traceparent: string;
  signal: AbortSignal;
  now(): number;
  random(): number;
  emit<K extends "node.output_chunk" | "node.log">(type: K, payload: Omit<TRunEventMap[K], "stepSeq">): void;
  /**
   * Queues a run of another graph of the workspace as a child of this step (once: a re-execution gets the same child).
   * `finished` is set when that child already ended.
   */
  startChildRun(request: TChildRunRequest): Promise<{ runId: string; finished?: TChildRunResult }>;
  /**
   * A workspace secret's value, for this execution only. From then on the run redacts it from everything it records.
   * Callers check their own permission first (a plugin's grants); the runtime only resolves.
   */
  resolveSecret(name: string): Promise<string>;
  /** Nodes wired to this node's tool/model/memory ports, by port id: invoking them records the call in this step. */
  attached: TAttachedNodes;
  /** What is left of the run's token and cost budget as this step starts. */
  budget: TBudgetLeft;
};

export type TWaitRequest = { kind: "approval"; prompt: string } | { kind: "delay"; until: number } | { kind: "subgraph"; childRunId: string };

export type TUsage = { tokens: number; costUsd: number };

/** A message at an explicit scope: a Map's item i goes to `[...scope, i]`, its gathered results back to `scope`. */
export type TEmission = { port: string; payload: unknown; scope: number[] };

export type TNodeResult =
  /**
   * Payload per output port, at the activation's scope. Without `emissions`, every output port left out sends a skip
   * marker downstream; a node that gives `emissions` decides alone what goes where. `state` replaces the node's state.
   */
  | {
      kind: "outputs";
      outputs: Record<string, unknown>;
      emissions?: TEmission[];
      state?: unknown;
      runOutput?: { name: string; value: unknown };
      /** What the step consumed (model tokens, cost); counted against the run's budget. */
      usage?: TUsage;
    }
  /** Park the activation durably; `resume` computes the outputs once the wait is resolved. */
  | { kind: "wait"; wait: TWaitRequest };

export type TChildRunResult = { status: "succeeded" | "failed" | "cancelled"; output: unknown; error: unknown };

export type TWaitResolution =
  | { kind: "approved"; comment?: string; by: string }
  | { kind: "rejected"; comment?: string; by: string }
  | { kind: "elapsed" }
  | ({ kind: "child-finished" } & TChildRunResult);

export type TChildRunRequest = { graphId: string; version: number | "latest" | "draft"; input: unknown };

export type TNodeImplementation = {
  definition: TNodeTypeDefinition;
  execute(context: TNodeContext): Promise<TNodeResult>;
  resume?(context: TNodeContext, resolution: TWaitResolution): TNodeResult;
  /**
   * `all` (default): a join, once per scope when every required input holds a message. `first`: on the first live
   * message of a scope (Merge). `each`: once per message, one at a time per state (Map, Loop).
   */
  getJoinMode?(config: Record<string, unknown>): "all" | "first" | "each";
  /** Outputs that get a skip marker when the node is skipped; default all (a Map skips only its `results`). */
  skipPorts?: string[];
  /** What the node offers when wired to another node's model, tool or memory port (see attached-contract.ts). */
  attachment?: { model?: TModelFacet; tools?: TToolFacet; memory?: TMemoryFacet };
};

export type TNodeImplementations = ReadonlyMap<string, TNodeImplementation>;

export function createNodeImplementations(list: readonly TNodeImplementation[]): TNodeImplementations {
  return new Map(list.map((implementation) => [implementation.definition.type, implementation]));
}
