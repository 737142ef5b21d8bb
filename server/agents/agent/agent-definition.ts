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
      systemPrompt: {
        type: "string",
        title: "System prompt",
        maxLength: 50_000,
        default: "You are a helpful assistant.",
        description: "Who the agent is and how it answers; the model reads it before every message",
        examples: ["You answer briefly and use your tools for counting and arithmetic."],
      },
      prompt: {
        type: "string",
        title: "User message",
        maxLength: 50_000,
        default: "{{input}}",
        description: "What the model is asked: {{input.path}} placeholders read the incoming message",
        examples: ["Answer the customer: {{input.question}}"],
      },
      maxTurns: { type: "integer", title: "Max model calls", minimum: 1, maximum: 50, default: 8, description: "Model calls at most, tool rounds included" },
      temperature: { type: "number", title: "Temperature", minimum: 0, maximum: 2, description: "0 answers alike every time, 2 varies most; empty: the model's default" },
      maxTokens: { type: "integer", title: "Max tokens per answer", minimum: 1, maximum: 200_000, description: "Longest answer the model may give in one call" },
      topP: { type: "number", title: "Top P", minimum: 0, maximum: 1, description: "Nucleus sampling; empty: the model's default" },
      tokenBudget: { type: "integer", title: "Token budget", minimum: 1, description: "This agent stops once it used this many tokens" },
      sessionKey: {
        type: "string",
        title: "Conversation key",
        maxLength: 500,
        description: "Which conversation the Memory node keeps: a template such as {{input.sessionId}}; default: one per run",
        examples: ["{{input.sessionId}}"],
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
