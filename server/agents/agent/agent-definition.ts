import { toolConfigProperties } from "../../runtime/tool-config";
import type { TNodeTypeDefinition } from "@/lib/graph";

export const AGENT_NODE_DEFINITION: TNodeTypeDefinition = {
  type: "core/agent",
  version: 1,
  title: "Agent",
  category: "ai",
  icon: "bot",
  description: "Answers with a model, calling its tools until done; remembers through a Memory node.",
  inputs: [
    { id: "in", label: "message", kind: "data" },
    { id: "model", kind: "model", isRequired: true },
    { id: "tools", kind: "tool", isRequired: false, acceptsMany: true },
    { id: "memory", kind: "memory", isRequired: false },
  ],
  outputs: [
    {
      id: "out",
      kind: "data",
      schema: {
        type: "object",
        properties: { text: { type: "string" }, turns: { type: "integer" }, toolCalls: { type: "array" }, usage: { type: "object" } },
        required: ["text"],
      },
    },
    // Wire this to another Agent's `tools` port to delegate to this agent (multi-agent).
    { id: "asTool", label: "as tool", kind: "tool" },
  ],
  configSchema: {
    type: "object",
    properties: {
      systemPrompt: { type: "string", maxLength: 50_000, default: "You are a helpful assistant." },
      prompt: {
        type: "string",
        maxLength: 50_000,
        default: "{{input}}",
        description: "The user message: {{input.path}} placeholders read the incoming message",
      },
      maxTurns: { type: "integer", minimum: 1, maximum: 50, default: 8, description: "Model calls at most, tool rounds included" },
      temperature: { type: "number", minimum: 0, maximum: 2 },
      maxTokens: { type: "integer", minimum: 1, maximum: 200_000, description: "Per model answer" },
      topP: { type: "number", minimum: 0, maximum: 1 },
      tokenBudget: { type: "integer", minimum: 1, description: "This agent stops once it used this many tokens" },
      sessionKey: {
        type: "string",
        maxLength: 500,
        description: "Which conversation the Memory node keeps: a template such as {{input.sessionId}}; default: one per run",
      },
      ...toolConfigProperties({ name: "Name another agent calls this one by" }),
    },
  },
  uiHints: {
    systemPrompt: { widget: "textarea" },
    prompt: { widget: "textarea" },
  },
  sideEffects: "effectful",
};
