// What model calls cost, for usage and budgets. USD per million tokens, list prices of the vendors' APIs. A provider
// node's price fields override an entry (how users edit prices per model); a model not listed here (a local Ollama
// model, a self-hosted vLLM) costs 0.

export type TModelPrice = { inputPerMTok: number; outputPerMTok: number };

export const MODEL_PRICES: Readonly<Record<string, TModelPrice>> = {
  // OpenAI
  "gpt-5": { inputPerMTok: 1.25, outputPerMTok: 10 },
  "gpt-5-mini": { inputPerMTok: 0.25, outputPerMTok: 2 },
  "gpt-5-nano": { inputPerMTok: 0.05, outputPerMTok: 0.4 },
  "gpt-4.1": { inputPerMTok: 2, outputPerMTok: 8 },
  "gpt-4.1-mini": { inputPerMTok: 0.4, outputPerMTok: 1.6 },
  "gpt-4.1-nano": { inputPerMTok: 0.1, outputPerMTok: 0.4 },
  "gpt-4o": { inputPerMTok: 2.5, outputPerMTok: 10 },
  "gpt-4o-mini": { inputPerMTok: 0.15, outputPerMTok: 0.6 },
  "gpt-4-turbo": { inputPerMTok: 10, outputPerMTok: 30 },
  "gpt-4": { inputPerMTok: 30, outputPerMTok: 60 },
  "gpt-3.5-turbo": { inputPerMTok: 0.5, outputPerMTok: 1.5 },
  o1: { inputPerMTok: 15, outputPerMTok: 60 },
  "o1-mini": { inputPerMTok: 1.1, outputPerMTok: 4.4 },
  o3: { inputPerMTok: 2, outputPerMTok: 8 },
  "o3-mini": { inputPerMTok: 1.1, outputPerMTok: 4.4 },
  "o4-mini": { inputPerMTok: 1.1, outputPerMTok: 4.4 },
  // Anthropic
  "claude-opus-4-5": { inputPerMTok: 5, outputPerMTok: 25 },
  "claude-opus-4-1": { inputPerMTok: 15, outputPerMTok: 75 },
  "claude-opus-4": { inputPerMTok: 15, outputPerMTok: 75 },
  "claude-sonnet-4-5": { inputPerMTok: 3, outputPerMTok: 15 },
  "claude-sonnet-4": { inputPerMTok: 3, outputPerMTok: 15 },
  "claude-haiku-4-5": { inputPerMTok: 1, outputPerMTok: 5 },
  "claude-3-7-sonnet": { inputPerMTok: 3, outputPerMTok: 15 },
  "claude-3-5-sonnet": { inputPerMTok: 3, outputPerMTok: 15 },
  "claude-3-5-haiku": { inputPerMTok: 0.8, outputPerMTok: 4 },
  "claude-3-opus": { inputPerMTok: 15, outputPerMTok: 75 },
  "claude-3-haiku": { inputPerMTok: 0.25, outputPerMTok: 1.25 },
};

// What vendors append to a model id for a snapshot: `-2024-08-06`, `-20250514`, `-latest`.
const VARIANT_SUFFIX = /^-(\d{4}-\d{2}-\d{2}|\d{8}|latest)$/;

/**
 * The price of a model id as a provider names it: exact, or a dated snapshot of a listed id (`gpt-4o-2024-08-06`,
 * `claude-sonnet-4-20250514`). A router's vendor prefix (`openai/gpt-4o`) is ignored. Only a date or `latest` may
 * follow a listed id, so `gpt-4o-audio-preview` is not priced as `gpt-4o`.
 */
export function findModelPrice(model: string): TModelPrice | undefined {
  const id = model.trim().toLowerCase().split("/").at(-1) ?? "";
  const exact = MODEL_PRICES[id];
  if (exact) return exact;
  for (const [listed, price] of Object.entries(MODEL_PRICES)) {
    if (id.startsWith(listed) && VARIANT_SUFFIX.test(id.slice(listed.length))) return price;
  }
  return undefined;
}

/** USD for one call; each side's price comes from `override` when set, else from the table, else 0. */
export function computeModelCost(model: string, usage: { inputTokens: number; outputTokens: number }, override: Partial<TModelPrice> = {}): number {
  const listed = findModelPrice(model);
  const inputPerMTok = override.inputPerMTok ?? listed?.inputPerMTok ?? 0;
  const outputPerMTok = override.outputPerMTok ?? listed?.outputPerMTok ?? 0;
  return (usage.inputTokens * inputPerMTok + usage.outputTokens * outputPerMTok) / 1_000_000;
}
