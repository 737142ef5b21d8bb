import type { TNodeImplementation } from "../../node-implementation";

/** What the run returns: each Output node contributes its input under its name. */
export const outputNode: TNodeImplementation = {
  definition: {
    type: "core/output",
    version: 1,
    title: "Output",
    category: "io",
    icon: "log-out",
    description: "Becomes part of the run's output under its name.",
    inputs: [{ id: "in", kind: "data" }],
    outputs: [],
    configSchema: {
      type: "object",
      properties: {
        name: { type: "string", title: "Output name", minLength: 1, maxLength: 64, description: "Where this value goes in the run's output; the node's id when empty", examples: ["answer"] },
      },
    },
    sideEffects: "pure",
  },
  async execute(context) {
    const name = typeof context.config.name === "string" && context.config.name ? context.config.name : context.nodeId;
    return { kind: "outputs", outputs: {}, runOutput: { name, value: context.inputs.in } };
  },
};
