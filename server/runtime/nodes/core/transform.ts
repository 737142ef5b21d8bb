import { getAtPath } from "@/lib/values/get-at-path";
import type { TNodeImplementation } from "../../node-implementation";

/** Builds an object whose fields are read from the input by path: `{ "customer": "order.customer.name" }`. */
export const transformNode: TNodeImplementation = {
  definition: {
    type: "core/transform",
    version: 1,
    title: "Transform",
    category: "data",
    icon: "shuffle",
    description: "Maps fields of the input to a new object by path.",
    inputs: [{ id: "in", kind: "data" }],
    outputs: [{ id: "out", kind: "data", schema: { type: "object" } }],
    configSchema: {
      type: "object",
      required: ["mapping"],
      properties: {
        mapping: {
          type: "object",
          title: "Field mapping",
          additionalProperties: { type: "string" },
          description: "Each output field and the path in the input it is read from",
          examples: [{ customer: "order.customer.name", total: "order.total" }],
        },
      },
    },
    sideEffects: "pure",
  },
  async execute(context) {
    const mapping = (context.config.mapping ?? {}) as Record<string, string>;
    const output: Record<string, unknown> = {};
    for (const [field, path] of Object.entries(mapping)) output[field] = getAtPath(context.inputs.in, path);
    return { kind: "outputs", outputs: { out: output } };
  },
};
