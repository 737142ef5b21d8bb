import type { TNodeImplementation } from "../../node-implementation";

/** Parks the run durably for a while (no process holds it), then passes its input on. */
export const delayNode: TNodeImplementation = {
  definition: {
    type: "core/delay",
    version: 1,
    title: "Delay",
    category: "flow",
    icon: "clock",
    description: "Waits for a duration without holding a process.",
    inputs: [{ id: "in", kind: "data" }],
    outputs: [{ id: "out", kind: "data" }],
    configSchema: {
      type: "object",
      required: ["ms"],
      properties: {
        ms: { type: "integer", title: "Wait (ms)", minimum: 0, maximum: 2_592_000_000, description: "How long the run waits here; no process is held meanwhile", examples: [60_000] },
      },
    },
    sideEffects: "pure",
  },
  async execute(context) {
    return { kind: "wait", wait: { kind: "delay", until: context.now() + Number(context.config.ms ?? 0) } };
  },
  resume(context) {
    return { kind: "outputs", outputs: { out: context.inputs.in } };
  },
};
