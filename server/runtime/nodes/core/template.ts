import { renderTemplate } from "@/lib/values/render-template";
import type { TNodeImplementation } from "../../node-implementation";

/** A string from a safe template: `{{input.path}}` placeholders only, never code. */
export const templateNode: TNodeImplementation = {
  definition: {
    type: "core/template",
    version: 1,
    title: "Template",
    category: "data",
    icon: "text",
    description: "Builds text from its input with {{input.path}} placeholders.",
    inputs: [{ id: "in", kind: "data" }],
    outputs: [{ id: "out", kind: "data", schema: { type: "string" } }],
    configSchema: {
      type: "object",
      required: ["template"],
      properties: {
        template: {
          type: "string",
          title: "Template",
          maxLength: 20_000,
          description: "Text with {{input.path}} placeholders filled from the incoming message ({{run.*}} for the run's input); nothing is executed",
          examples: ["Hello {{input.name}}, your order {{input.order.id}} has shipped."],
        },
      },
    },
    uiHints: { template: { widget: "textarea" } },
    sideEffects: "pure",
  },
  async execute(context) {
    const template = String(context.config.template ?? "");
    return { kind: "outputs", outputs: { out: renderTemplate(template, { input: context.inputs.in, run: context.runInput }) } };
  },
};
