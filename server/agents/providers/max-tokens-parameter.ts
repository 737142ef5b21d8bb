// Which field of a Chat Completions request carries the answer's token limit. OpenAI's reasoning models refuse
// `max_tokens` (400, `unsupported_parameter`) and want `max_completion_tokens`; the servers that copy the API (Ollama,
// vLLM, LM Studio, older proxies) read `max_tokens`. So `auto` decides by the model id.

export const MAX_TOKENS_PARAMETERS = ["auto", "max_tokens", "max_completion_tokens"] as const;
export type TMaxTokensField = Exclude<(typeof MAX_TOKENS_PARAMETERS)[number], "auto">;

/**
 * OpenAI's reasoning models as its API names them: the o-series (o1, o1-mini, o3-pro, o4-mini-2025-04-16, ...), the
 * GPT-5 family (gpt-5, gpt-5-mini, gpt-5.1-codex, ...) and codex-mini. A router's prefixed id (`openai/o3`) or an Azure
 * deployment name is not recognized: the node's setting says which field to send.
 */
const REASONING_MODEL_ID = /^(o\d+|gpt-5(\.\d+)?|codex-mini)(-|$)/i;

export function chooseMaxTokensField(model: string, setting: unknown): TMaxTokensField {
  if (setting === "max_tokens" || setting === "max_completion_tokens") return setting;
  return REASONING_MODEL_ID.test(model) ? "max_completion_tokens" : "max_tokens";
}
