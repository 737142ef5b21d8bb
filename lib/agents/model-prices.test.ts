import { describe, expect, it } from "vitest";
import { computeModelCost, findModelPrice } from "./model-prices";

describe("model prices", () => {
  it("finds a model by its id and by its dated snapshots", () => {
    expect(findModelPrice("gpt-4o")).toEqual({ inputPerMTok: 2.5, outputPerMTok: 10 });
    expect(findModelPrice("gpt-4o-2024-08-06")).toEqual(findModelPrice("gpt-4o"));
    expect(findModelPrice("claude-sonnet-4-20250514")).toEqual({ inputPerMTok: 3, outputPerMTok: 15 });
    expect(findModelPrice("claude-3-5-haiku-latest")).toEqual({ inputPerMTok: 0.8, outputPerMTok: 4 });
  });

  it("tells a smaller sibling from its family: gpt-4o-mini is not priced as gpt-4o", () => {
    expect(findModelPrice("gpt-4o-mini-2024-07-18")).toEqual({ inputPerMTok: 0.15, outputPerMTok: 0.6 });
    expect(findModelPrice("gpt-4o-audio-preview")).toBeUndefined();
  });

  it("ignores a router's vendor prefix and letter case", () => {
    expect(findModelPrice("openai/GPT-4o-mini")).toEqual({ inputPerMTok: 0.15, outputPerMTok: 0.6 });
  });

  it("costs a call from the table, the node's override, or nothing for a model it does not know", () => {
    const usage = { inputTokens: 1_000_000, outputTokens: 500_000 };
    expect(computeModelCost("gpt-4o-mini", usage)).toBeCloseTo(0.15 + 0.3);
    expect(computeModelCost("gpt-4o-mini", usage, { outputPerMTok: 1 })).toBeCloseTo(0.15 + 0.5);
    expect(computeModelCost("llama3.2", usage)).toBe(0);
    expect(computeModelCost("llama3.2", usage, { inputPerMTok: 2 })).toBeCloseTo(2);
  });
});
