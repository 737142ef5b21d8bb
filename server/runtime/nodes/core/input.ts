import type { TNodeImplementation } from "../../node-implementation";

/** Where a run starts: emits the run input (validated against `config.schema` by run.start). */
export const inputNode: TNodeImplementation = {
  definition: {
    type: "core/input",
    version: 1,
    title: "Input",
    category: "io",
    icon: "log-in",
    description: "Starts the run with its input; the schema shapes the run form.",
    inputs: [],
    outputs: [{ id: "out", kind: "data", label: "input" }],
    configSchema: {
      type: "object",
      properties: {
        schema: {
          type: "object",
          title: "Run input schema",
          description: "JSON Schema of the run input: the Run form asks for its fields; empty accepts any JSON",
          examples: [{ type: "object", required: ["question"], properties: { question: { type: "string" } } }],
        },
      },
    },
    sideEffects: "pure",
  },
  async execute(context) {
    return { kind: "outputs", outputs: { out: context.runInput } };
  },
};
