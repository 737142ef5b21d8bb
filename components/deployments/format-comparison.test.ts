import { describe, expect, it } from "vitest";
import { comparisonRows } from "./format-comparison";

const arm = { runs: 0, errorRate: 0, p50Ms: null, p95Ms: null, tokensPerRun: null, costPerRunUsd: null };

describe("comparisonRows", () => {
  it("shows rates, durations, tokens and cost per side, and a dash where a side has no runs", () => {
    const rows = comparisonRows({ runs: 40, errorRate: 0.025, p50Ms: 420.4, p95Ms: 1_830, tokensPerRun: 812.6, costPerRunUsd: 0.0042 }, arm);
    expect(rows).toEqual([
      ["Runs", "40", "0"],
      ["Success rate", "97.5 %", "–"],
      ["p50 duration", "420 ms", "–"],
      ["p95 duration", "1.8 s", "–"],
      ["Tokens per run", expect.stringMatching(/^813$/), expect.any(String)],
      ["Cost per run", "$0.0042", expect.any(String)],
    ]);
  });
});
