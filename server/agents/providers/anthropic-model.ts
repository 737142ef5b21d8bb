// The Anthropic model provider: the Messages API with streaming and tool use.
import type { TNodeTypeDefinition } from "@/lib/graph";
import { NonRetriableError } from "../../runtime/errors";
import type { TNodeImplementation } from "../../runtime/node-implementation";
import type { TAgentServices } from "../agent-services";
import { toAnthropicRequest } from "./anthropic-request";
import { createAnthropicStreamReader } from "./anthropic-stream";
import { completeStreamed, type TProviderWire } from "./complete-streamed";
import { getProviderConfigSchema } from "./provider-config";

const ANTHROPIC_WIRE: TProviderWire = {
  title: "Anthropic model",
  defaultBaseUrl: "https://api.anthropic.com",
  path: "/v1/messages",
  headers: (apiKey) => ({ "anthropic-version": "2023-06-01", ...(apiKey ? { "x-api-key": apiKey } : {}) }),
  toBody: toAnthropicRequest,
  createReader: createAnthropicStreamReader,
};

export const ANTHROPIC_MODEL_NODE_DEFINITION: TNodeTypeDefinition = {
  type: "core/anthropic-model",
  version: 1,
  title: "Anthropic model",
  category: "ai",
  icon: "sparkles",
  description: "Claude through the Anthropic Messages API, with streaming and tool use.",
  inputs: [],
  outputs: [{ id: "model", kind: "model" }],
  configSchema: getProviderConfigSchema({ defaultBaseUrl: ANTHROPIC_WIRE.defaultBaseUrl, modelExamples: "claude-sonnet-4-5, claude-haiku-4-5", keyExample: "ANTHROPIC_API_KEY" }),
  uiHints: {
    baseUrl: { placeholder: ANTHROPIC_WIRE.defaultBaseUrl },
    model: { placeholder: "claude-sonnet-4-5" },
    apiKeySecret: { label: "API key secret", placeholder: "ANTHROPIC_API_KEY", widget: "secret" },
  },
  sideEffects: "effectful",
};

export function createAnthropicModelNode(services: Pick<TAgentServices, "fetchStream">): TNodeImplementation {
  return {
    definition: ANTHROPIC_MODEL_NODE_DEFINITION,
    execute() {
      return Promise.reject(new NonRetriableError("A model runs only when wired to an Agent's model port"));
    },
    attachment: { model: (context, request) => completeStreamed(services, ANTHROPIC_WIRE, context, request) },
  };
}
