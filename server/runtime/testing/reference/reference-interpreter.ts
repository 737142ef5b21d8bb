// A reference interpreter of the graph semantics (DESIGN.md section 4, server/runtime/README.md "When a node runs"),
// written from the rules and not from the engine: it walks the tree of regions in order and says which node runs or
// is skipped in which scope, and what the run outputs. Pure; the property test compares the engine with it.
import { countValue, toNumber } from "./counting-nodes";
import type { TRef, TRefNode, TRegion } from "./reference-graph";

type TValue = { isSkip: true } | { isSkip: false; value: unknown };
export type TReferenceActivation = { nodeId: string; scope: string; status: "ran" | "skipped" };
export type TReferenceResult = { activations: TReferenceActivation[]; outputs: Record<string, unknown> };

const SKIP: TValue = { isSkip: true };
const live = (value: unknown): TValue => ({ isSkip: false, value });
const refKey = (ref: TRef) => `${ref.node}.${ref.port}`;
const OUTPUT_PORTS: Record<string, string[]> = { branch: ["true", "false"], approval: ["approved", "rejected"], map: ["results"], loop: ["done"] };

export function interpretGraph(top: TRegion, runInput: unknown): TReferenceResult {
  const activations: TReferenceActivation[] = [];
  const outputs: Record<string, unknown> = {};

  function evaluateRegion(region: TRegion, values: Map<string, TValue>, scope: number[]): void {
    for (const node of region.nodes) evaluateNode(node, values, scope);
  }

  function evaluateNode(node: TRefNode, values: Map<string, TValue>, scope: number[]): void {
    const record = (status: "ran" | "skipped", at = scope) => activations.push({ nodeId: node.id, scope: at.join("."), status });
    const wired = Object.fromEntries(Object.entries(node.wires).map(([port, refs]) => [port, refs.map((ref) => values.get(refKey(ref))!)]));
    const set = (port: string, value: TValue): void => void values.set(`${node.id}.${port}`, value);
    const one = (port: string) => wired[port]?.[0];
    const valueOf = (port: string) => {
      const value = one(port);
      return value && !value.isSkip ? value.value : undefined;
    };
    // The join: skipped when a required input is skipped, or every wired input is.
    const required = REQUIRED[node.kind];
    const ports = Object.keys(wired);
    const isAllSkipped = (port: string) => wired[port]!.every((value) => value.isSkip);
    const isSkipped = ports.length > 0 && (ports.some((port) => required.includes(port) && isAllSkipped(port)) || ports.every(isAllSkipped));
    if (isSkipped) {
      record("skipped");
      for (const port of OUTPUT_PORTS[node.kind] ?? ["out"]) set(port, SKIP);
      return;
    }
    switch (node.kind) {
      case "input":
        record("ran");
        return set("out", live(runInput));
      case "step":
      case "opt":
        record("ran");
        return set("out", live(countValue(valueOf("in"), 0, node.n)));
      case "join":
      case "mixed":
        record("ran");
        return set("out", live(countValue(valueOf("a"), valueOf("b"), node.n)));
      case "list":
        record("ran");
        return set("out", live(Array.from({ length: node.n }, (_, index) => toNumber(valueOf("in")) + index)));
      case "merge":
        record("ran");
        return set("out", live(wired.in!.flatMap((value) => (value.isSkip ? [] : [value.value]))));
      case "branch": {
        record("ran");
        const input = valueOf("in");
        const isTrue = typeof input === "number" && input > node.n;
        set("true", isTrue ? live(input) : SKIP);
        return set("false", isTrue ? SKIP : live(input));
      }
      case "approval": {
        record("ran");
        const decision = live({ input: valueOf("in"), comment: "", by: "tester" });
        set("approved", node.decision === "approved" ? decision : SKIP);
        return set("rejected", node.decision === "rejected" ? decision : SKIP);
      }
      case "output":
        record("ran");
        outputs[node.name!] = valueOf("in");
        return;
      case "map":
        return set("results", live(evaluateMap(node, valueOf("in") as unknown[], values, scope, record)));
      case "loop":
        return set("done", live(evaluateLoop(node, valueOf("in"), values, scope, record)));
    }
  }

  /** One activation for the list, then one per item result (in the item's scope); a skipped result gathers as null. */
  function evaluateMap(node: TRefNode, items: unknown[], values: Map<string, TValue>, scope: number[], record: (status: "ran", at?: number[]) => void): unknown[] {
    record("ran");
    return items.map((item, index) => {
      const itemScope = [...scope, index];
      const inner = new Map(values).set(`${node.id}.item`, live(item));
      evaluateRegion(node.body!, inner, itemScope);
      record("ran", itemScope);
      const result = inner.get(refKey(node.body!.result!))!;
      return result.isSkip ? null : result.value;
    });
  }

  /** One activation to start, then one per iteration's `continue`; stops after `n` iterations with the last value. */
  function evaluateLoop(node: TRefNode, start: unknown, values: Map<string, TValue>, scope: number[], record: (status: "ran", at?: number[]) => void): unknown {
    record("ran");
    let value = start;
    for (let iteration = 0; ; iteration++) {
      const iterationScope = [...scope, iteration];
      const inner = new Map(values).set(`${node.id}.item`, live(value));
      evaluateRegion(node.body!, inner, iterationScope);
      record("ran", iterationScope);
      const result = inner.get(refKey(node.body!.result!))!;
      value = result.isSkip ? undefined : result.value;
      if (iteration + 1 >= node.n) return value;
    }
  }

  evaluateRegion(top, new Map(), []);
  return { activations, outputs };
}

/** Which inputs of each kind are required (the rest are optional); from the node types' definitions as documented. */
const REQUIRED: Record<TRefNode["kind"], string[]> = {
  input: [],
  step: ["in"],
  join: ["a", "b"],
  mixed: ["a"],
  opt: [],
  merge: ["in"],
  branch: ["in"],
  approval: ["in"],
  list: ["in"],
  map: ["in"],
  loop: ["in"],
  output: ["in"],
};
