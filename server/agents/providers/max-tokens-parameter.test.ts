import { describe, expect, it } from "vitest";
import { validateJsonValue } from "@/lib/graph";
import { chooseMaxTokensField } from "./max-tokens-parameter";
import { OPENAI_MODEL_NODE_DEFINITION } from "./openai-model";

describe("chooseMaxTokensField", () => {
  it("sends max_completion_tokens to OpenAI's reasoning models when set to auto (or not set)", () => {
    for (const model of ["o1", "o1-mini", "o1-preview", "o3", "o3-mini", "o3-pro", "o4-mini", "o4-mini-2025-04-16", "gpt-5", "gpt-5-mini", "gpt-5-nano", "gpt-5.1", "GPT-5.1-codex", "codex-mini-latest"]) {
      expect([model, chooseMaxTokensField(model, "auto")]).toEqual([model, "max_completion_tokens"]);
      expect(chooseMaxTokensField(model, undefined)).toBe("max_completion_tokens");
    }
  });

  it("sends max_tokens to every other model, prefixed router ids included", () => {
    for (const model of ["gpt-4o-mini", "gpt-4.1", "llama3.2", "qwen3:8b", "omni-moderation", "gpt-50", "openai/o3-mini", "o", "claude-3-5-haiku"]) {
      expect([model, chooseMaxTokensField(model, "auto")]).toEqual([model, "max_tokens"]);
    }
  });

  it("follows the node's explicit choice whatever the model", () => {
    expect(chooseMaxTokensField("my-azure-deployment", "max_completion_tokens")).toBe("max_completion_tokens");
    expect(chooseMaxTokensField("o3-mini", "max_tokens")).toBe("max_tokens");
  });
});

describe("the OpenAI-compatible node's maxTokensParameter setting", () => {
  const { configSchema, uiHints } = OPENAI_MODEL_NODE_DEFINITION;

  it("is a choice of three, auto by default, labelled and described for the inspector", () => {
    expect((configSchema.properties as Record<string, unknown>).maxTokensParameter).toMatchObject({ enum: ["auto", "max_tokens", "max_completion_tokens"], default: "auto", description: expect.stringContaining("max_completion_tokens for OpenAI's reasoning models") });
    expect(uiHints?.maxTokensParameter).toEqual({ label: "Max tokens parameter" });
  });

  it("accepts the three values and refuses any other", () => {
    for (const value of ["auto", "max_tokens", "max_completion_tokens"]) expect(validateJsonValue(configSchema, { model: "o3", maxTokensParameter: value })).toEqual([]);
    expect(validateJsonValue(configSchema, { model: "o3", maxTokensParameter: "max_output_tokens" })).not.toEqual([]);
  });
});
