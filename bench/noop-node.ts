// A bench-only node type: pure, passes its `in` payload to `out` and does nothing else, so a run of them measures the
// runtime's own cost per node (scheduling, checkpoint, events).
import type { TNodeImplementation } from "@/server/runtime/node-implementation";

export const noopNode: TNodeImplementation = {
  definition: {
    type: "bench/noop",
    version: 1,
    title: "No-op",
    category: "test",
    icon: "circle",
    description: "Passes its input on (benchmarks only).",
    inputs: [{ id: "in", kind: "data" }],
    outputs: [{ id: "out", kind: "data" }],
    configSchema: { type: "object" },
    sideEffects: "pure",
  },
  async execute(context) {
    return { kind: "outputs", outputs: { out: context.inputs.in } };
  },
};
