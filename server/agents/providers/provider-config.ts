// The settings both real model providers share: where, which model, which key, and what it costs.
import type { TJsonSchema } from "@/lib/graph";
import type { TModelPrice } from "@/lib/agents/model-prices";

export type TProviderConfig = { baseUrl: string; model: string; apiKeySecret?: string; price: Partial<TModelPrice> };

export function getProviderConfigSchema(options: { defaultBaseUrl: string; modelExamples: string; keyExample: string }): TJsonSchema {
  return {
    type: "object",
    required: ["model"],
    properties: {
      baseUrl: {
        type: "string",
        title: "Base URL",
        maxLength: 2_000,
        pattern: "^https?://",
        default: options.defaultBaseUrl,
        description: "The API's base URL; its host must be on the workspace's egress allowlist",
      },
      model: { type: "string", title: "Model", minLength: 1, maxLength: 200, description: `The model id, e.g. ${options.modelExamples}` },
      apiKeySecret: {
        type: "string",
        title: "API key secret",
        pattern: "^[A-Z][A-Z0-9_]{0,63}$",
        description: `Name of the workspace secret holding the API key, e.g. ${options.keyExample}; empty for a local server without keys`,
      },
      inputPricePerMTok: { type: "number", title: "Input price (USD per million tokens)", minimum: 0, description: "Empty: the studio's price list" },
      outputPricePerMTok: { type: "number", title: "Output price (USD per million tokens)", minimum: 0, description: "Empty: the studio's price list" },
    },
  };
}

export function readProviderConfig(config: Record<string, unknown>, defaultBaseUrl: string): TProviderConfig {
  const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
  const price = (value: unknown) => (typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined);
  return {
    // A trailing slash would double up with the path appended to it.
    baseUrl: (text(config.baseUrl) || defaultBaseUrl).replace(/\/+$/, ""),
    model: text(config.model),
    apiKeySecret: text(config.apiKeySecret) || undefined,
    price: { inputPerMTok: price(config.inputPricePerMTok), outputPerMTok: price(config.outputPricePerMTok) },
  };
}
