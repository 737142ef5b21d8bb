// Node types for the property test: each execution is counted in a ledger (node and scope), and each output is a
// small number computed from the inputs, so a wrong join or a stray default shows in the run output.
import type { TNodeImplementation } from "../../node-implementation";

export type TLedgerEntry = { nodeId: string; scope: string };

/** A number for any value the generated graphs carry: lists sum, an approval's decision counts as its input. */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + toNumber(item), 0);
  if (value && typeof value === "object" && "input" in value) return toNumber((value as { input: unknown }).input);
  return 0;
}

export function countValue(a: unknown, b: unknown, n: number): number {
  return (7 * toNumber(a) + 13 * toNumber(b) + n) % 1000;
}

const port = (id: string, isRequired = true) => ({ id, kind: "data" as const, isRequired });

function countingNode(type: string, inputs: ReturnType<typeof port>[], ledger: TLedgerEntry[], compute: (inputs: Record<string, unknown>, n: number) => unknown): TNodeImplementation {
  return {
    definition: { type, version: 1, title: type, category: "test", icon: "flask", description: "counts its executions", inputs, outputs: [{ id: "out", kind: "data" }], configSchema: { type: "object" }, sideEffects: "effectful" },
    async execute(context) {
      ledger.push({ nodeId: context.nodeId, scope: context.scope.join(".") });
      return { kind: "outputs", outputs: { out: compute(context.inputs, Number(context.config.n ?? 0)) } };
    },
  };
}

export function createCountingNodes(ledger: TLedgerEntry[]): TNodeImplementation[] {
  return [
    countingNode("test/step", [port("in")], ledger, (inputs, n) => countValue(inputs.in, 0, n)),
    countingNode("test/join", [port("a"), port("b")], ledger, (inputs, n) => countValue(inputs.a, inputs.b, n)),
    countingNode("test/mixed", [port("a"), port("b", false)], ledger, (inputs, n) => countValue(inputs.a, inputs.b, n)),
    countingNode("test/opt", [port("in", false)], ledger, (inputs, n) => countValue(inputs.in, 0, n)),
    countingNode("test/list", [port("in")], ledger, (inputs, n) => Array.from({ length: n }, (_, index) => toNumber(inputs.in) + index)),
  ];
}
