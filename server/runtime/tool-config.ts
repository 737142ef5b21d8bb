// How a node offers itself as an agent's tool: the config fields naming and describing the tool, and the spec read
// from them. Shared by every node type with an `asTool` port (Code, Sub-graph, HTTP Request, Agent).
import type { TJsonSchema } from "@/lib/graph";
import type { TToolSpec } from "./attached-contract";

/** A name models accept for a tool (`^[A-Za-z0-9_-]{1,64}$`), made from any label. */
export function toToolName(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_-]+/g, "_").replace(/^_+|_+$/g, "");
  return (cleaned || "tool").slice(0, 64);
}

/** Config schema properties for the tool's name, description and (unless the node fixes it) its arguments' schema. */
export function toolConfigProperties(describe: { name: string; arguments?: string }): Record<string, TJsonSchema> {
  return {
    toolName: { type: "string", title: "Tool name", pattern: "^[A-Za-z][A-Za-z0-9_-]{0,63}$", description: describe.name, examples: ["count_words"] },
    toolDescription: { type: "string", title: "Tool description", maxLength: 2_000, description: "What the model reads to decide when to call it", examples: ["Counts the words of a text"] },
    ...(describe.arguments
      ? { toolInputSchema: { type: "object", title: "Tool arguments (JSON Schema)", description: describe.arguments, examples: [{ type: "object", required: ["text"], properties: { text: { type: "string" } } }] } }
      : {}),
  };
}

/** The tool a node offers: its configured name, description and arguments' schema, or the node type's defaults. */
export function readToolSpec(config: Record<string, unknown>, defaults: TToolSpec): TToolSpec {
  const inputSchema = typeof config.toolInputSchema === "object" && config.toolInputSchema !== null && !Array.isArray(config.toolInputSchema) ? (config.toolInputSchema as TJsonSchema) : defaults.inputSchema;
  return {
    name: toToolName(String(config.toolName ?? "") || defaults.name),
    description: String(config.toolDescription ?? "") || defaults.description,
    inputSchema,
  };
}
