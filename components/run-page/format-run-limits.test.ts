import { describe, expect, it } from "vitest";
import { describeRunLimits } from "@/lib/runs/run-limits";
import { formatRunLimit, getLimitLevel } from "./format-run-limits";

describe("the run header's limits", () => {
  it("writes each limit beside what the run used, and how close it came", () => {
    const uses = describeRunLimits({ runTimeoutMs: 2_000, tokenBudget: 300 }, { steps: 12, elapsedMs: 1_200, tokens: 274, costUsd: 0.01 });
    expect(uses.map(formatRunLimit)).toEqual(["steps 12 / 10,000", "1.2 s / 2 s", "274 / 300 tokens", "$0.01 (no cost budget)"]);
    expect(uses.map(getLimitLevel)).toEqual(["below", "below", "near", "below"]);
    const over = describeRunLimits({ maxSteps: 10, costBudgetUsd: 0.05 }, { steps: 10, elapsedMs: undefined, tokens: 0, costUsd: 0.06 });
    expect(over.map(formatRunLimit)).toEqual(["steps 10 / 10", "0 ms (no timeout)", "0 tokens (no budget)", "$0.06 / $0.05"]);
    expect(over.map(getLimitLevel)).toEqual(["reached", "below", "below", "reached"]);
  });
});
