import { NonRetriableError } from "../../errors";
import type { TEmission, TNodeImplementation } from "../../node-implementation";

type TMapState = { items: unknown[]; nextIndex: number; results: Record<number, unknown> };

/**
 * Fans a list out: item i runs through the body in scope `[...scope, i]`, at most `concurrency` items at a time; the
 * body's end connects back to `result`. When every item has a result, `results` carries them in item order.
 */
export const mapNode: TNodeImplementation = {
  definition: {
    type: "core/map",
    version: 1,
    title: "Map",
    category: "flow",
    icon: "list-tree",
    description: "Runs a branch once per list item, a few at a time, then gathers the results.",
    inputs: [
      { id: "in", kind: "data", schema: { type: "array" } },
      { id: "result", kind: "data", isRequired: false, label: "item result" },
    ],
    outputs: [
      { id: "item", kind: "data" },
      { id: "results", kind: "data", schema: { type: "array" } },
    ],
    configSchema: {
      type: "object",
      properties: {
        concurrency: { type: "integer", title: "Items at a time", minimum: 1, maximum: 100, default: 4, description: "How many items of the list run in parallel" },
      },
    },
    sideEffects: "pure",
    cycleInputs: ["result"],
  },
  getJoinMode: () => "each",
  skipPorts: ["results"],
  async execute(context) {
    const concurrency = Number(context.config.concurrency ?? 4);
    if ("in" in context.inputs) {
      const items = context.inputs.in;
      if (!Array.isArray(items)) throw new NonRetriableError(`Map expects a list, got ${items === null ? "null" : typeof items}`);
      if (items.length === 0) return { kind: "outputs", outputs: { results: [] }, emissions: [], state: null };
      const first = Math.min(concurrency, items.length);
      const emissions: TEmission[] = items.slice(0, first).map((item, index) => ({ port: "item", payload: item, scope: [...context.scope, index] }));
      return { kind: "outputs", outputs: {}, emissions, state: { items, nextIndex: first, results: {} } satisfies TMapState };
    }
    const state = context.state as TMapState;
    const parent = context.scope.slice(0, -1);
    const index = context.scope.at(-1)!;
    const results = { ...state.results, [index]: context.skippedPorts.includes("result") ? null : context.inputs.result };
    const emissions: TEmission[] = [];
    let nextIndex = state.nextIndex;
    if (nextIndex < state.items.length) {
      emissions.push({ port: "item", payload: state.items[nextIndex], scope: [...parent, nextIndex] });
      nextIndex++;
    }
    if (Object.keys(results).length === state.items.length) {
      const gathered = state.items.map((_, i) => results[i]);
      return { kind: "outputs", outputs: {}, emissions: [...emissions, { port: "results", payload: gathered, scope: parent }], state: null };
    }
    return { kind: "outputs", outputs: {}, emissions, state: { ...state, nextIndex, results } };
  },
};
