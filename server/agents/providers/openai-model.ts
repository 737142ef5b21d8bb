// The OpenAI-compatible model provider: Chat Completions with streaming and tool calls. One node type for OpenAI,
// Ollama, vLLM, LM Studio and OpenRouter: they differ only by base URL and key.
import type { TJsonSchema, TNodeTypeDefinition } from "@/lib/graph";
import { NonRetriableError } from "../../runtime/errors";
import type { TNodeImplementation } from "../../runtime/node-implementation";
import type { TAgentServices } from "../agent-services";
import { completeStreamed, type TProviderWire } from "./complete-streamed";
import { toOpenAiRequest } from "./openai-request";
import { createOpenAiStreamReader } from "./openai-stream";
import { MAX_TOKENS_PARAMETERS } from "./max-tokens-parameter";
import { getProviderConfigSchema } from "./provider-config";

const OPENAI_WIRE: TProviderWire = {
  title: "OpenAI-compatible model",
  defaultBaseUrl: "https://api.openai.com/v1",
  path: "/chat/completions",
  headers: (apiKey): Record<string, string> => (apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
  toBody: toOpenAiRequest,
  createReader: createOpenAiStreamReader,
};

export const OPENAI_MODEL_NODE_DEFINITION: TNodeTypeDefinition = {
  type: "core/openai-model",
  version: 1,
  title: "OpenAI-compatible model",
  category: "ai",
  icon: "sparkles",
  description: "Chat completions with streaming and tool calls: OpenAI, Ollama, vLLM, LM Studio or OpenRouter, by base URL.",
  inputs: [],
  outputs: [{ id: "model", kind: "model" }],
  configSchema: withMaxTokensParameter(
    getProviderConfigSchema({
      defaultBaseUrl: OPENAI_WIRE.defaultBaseUrl,
      modelExamples: "gpt-4o-mini, llama3.2 (Ollama), openai/gpt-4o (OpenRouter)",
      keyExample: "OPENAI_API_KEY",
    }),
  ),
  uiHints: {
    baseUrl: { placeholder: OPENAI_WIRE.defaultBaseUrl },
    model: { placeholder: "gpt-4o-mini" },
    apiKeySecret: { label: "API key secret", placeholder: "OPENAI_API_KEY", widget: "secret" },
    maxTokensParameter: { label: "Max tokens parameter" },
  },
  sideEffects: "effectful",
};

export function createOpenAiModelNode(services: Pick<TAgentServices, "fetchStream">): TNodeImplementation {
  return {
    definition: OPENAI_MODEL_NODE_DEFINITION,
    execute() {
      return Promise.reject(new NonRetriableError("A model runs only when wired to an Agent's model port"));
    },
    attachment: { model: (context, request) => completeStreamed(services, OPENAI_WIRE, context, request) },
  };
}

/** The one setting only this wire has: OpenAI's reasoning models and the servers copying the API name the limit differently. */
function withMaxTokensParameter(schema: TJsonSchema): TJsonSchema {
  const maxTokensParameter = {
    type: "string",
    title: "Max tokens parameter",
    enum: [...MAX_TOKENS_PARAMETERS],
    default: "auto",
    description:
      "The request field that carries the Agent's max tokens. auto: max_completion_tokens for OpenAI's reasoning models (o1, o3, o4-mini, the GPT-5 family), max_tokens for any other model; choose one for a deployment name or a router's id (openai/o3)",
  };
  return { ...schema, properties: { ...(schema.properties as Record<string, unknown>), maxTokensParameter } };
}
