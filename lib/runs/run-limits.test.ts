import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_STEPS, describeRunLimits } from "./run-limits";

describe("describeRunLimits", () => {
  it("pairs each limit with what the run used, the default step limit when the graph sets none", () => {
    const limits = describeRunLimits({ runTimeoutMs: 2_000, tokenBudget: 300 }, { steps: 12, elapsedMs: 1_200, tokens: 274, costUsd: 0.01 });
    expect(limits).toEqual([
      { kind: "steps", used: 12, limit: DEFAULT_MAX_STEPS, share: 12 / DEFAULT_MAX_STEPS },
      { kind: "time", used: 1_200, limit: 2_000, share: 0.6 },
      { kind: "tokens", used: 274, limit: 300, share: 274 / 300 },
      { kind: "cost", used: 0.01, limit: undefined, share: undefined },
    ]);
  });
});
