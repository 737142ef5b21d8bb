// What the runtime needs from a node type: its definition (lib/graph) plus the code that executes it.
import type { TNodeTypeDefinition } from "@/lib/graph";
import type { TRunEventMap } from "./events";

export type TNodeContext = {
  runId: string;
  nodeId: string;
  config: Record<string, unknown>;
  /** Payload per input port; an `acceptsMany` port gets an array in edge order. */
  inputs: Record<string, unknown>;
  /** The run's input, as validated at start. */
  runInput: unknown;
  scope: number[];
  attempt: number;
  /** Stable across re-executions of the same activation (crash, retry): give it to anything external. */
  idempotencyKey: string;
  signal: AbortSignal;
  now(): number;
  random(): number;
  emit<K extends "node.output_chunk" | "node.log">(type: K, payload: Omit<TRunEventMap[K], "stepSeq">): void;
};

export type TWaitRequest = { kind: "approval"; prompt: string } | { kind: "delay"; until: number };

export type TNodeResult =
  /** Payload per output port; every output port left out sends a skip marker downstream. */
  | { kind: "outputs"; outputs: Record<string, unknown>; runOutput?: { name: string; value: unknown } }
  /** Park the activation durably; `resume` computes the outputs once the wait is resolved. */
  | { kind: "wait"; wait: TWaitRequest };

export type TWaitResolution = { kind: "approved"; comment?: string; by: string } | { kind: "rejected"; comment?: string; by: string } | { kind: "elapsed" };

export type TNodeImplementation = {
  definition: TNodeTypeDefinition;
  execute(context: TNodeContext): Promise<TNodeResult>;
  resume?(context: TNodeContext, resolution: TWaitResolution): TNodeResult;
  /** `first`: activate on the first live message of a scope (Merge in first mode). Default `all`: a join. */
  getJoinMode?(config: Record<string, unknown>): "all" | "first";
};

export type TNodeImplementations = ReadonlyMap<string, TNodeImplementation>;

export function createNodeImplementations(list: readonly TNodeImplementation[]): TNodeImplementations {
  return new Map(list.map((implementation) => [implementation.definition.type, implementation]));
}
