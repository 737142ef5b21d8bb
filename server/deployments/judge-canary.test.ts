import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TArmNumbers, TComparison } from "./compare-arms";
import { judgeCanary } from "./judge-canary";

function arm(runs: number, failed: number, costPerRunUsd: number | null): TArmNumbers {
  return { runs, succeeded: runs - failed, failed, errorRate: runs > 0 ? failed / runs : 0, p50Ms: null, p95Ms: null, tokensPerRun: null, costPerRunUsd, topErrors: [] };
}

const comparison = (stable: TArmNumbers, candidate: TArmNumbers): TComparison => ({ since: new Date(0).toISOString(), stable, candidate });
const RULES = { minRuns: 10, maxErrorRateIncrease: 0.05, maxCostIncrease: 0.2 };

describe("judgeCanary", () => {
  it("waits for the minimum runs, then rolls back an error-rate or cost increase beyond the rules", () => {
    expect(judgeCanary(comparison(arm(50, 0, 0.01), arm(9, 9, 0.01)), RULES)).toEqual({ kind: "wait", reason: "9 of 10 candidate runs finished" });
    expect(judgeCanary(comparison(arm(50, 0, 0.01), arm(10, 1, 0.01)), RULES)).toMatchObject({ kind: "rollback", reason: expect.stringMatching(/^error rate 10\.0 % vs 0\.0 % on stable/) });
    expect(judgeCanary(comparison(arm(50, 0, 0.01), arm(10, 0, 0.013)), RULES)).toMatchObject({ kind: "rollback", reason: expect.stringMatching(/^cost per run \$0\.0130 vs \$0\.0100 on stable: \+30\.0 %/) });
    expect(judgeCanary(comparison(arm(50, 5, 0.01), arm(10, 1, 0.011)), RULES)).toMatchObject({ kind: "healthy" });
    expect(judgeCanary(comparison(arm(0, 0, null), arm(10, 0, 0.5)), RULES)).toMatchObject({ kind: "healthy" });
  });

  it("rolls back exactly when a rule is broken, once the candidate has its runs", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }).chain((runs) => fc.tuple(fc.constant(runs), fc.integer({ min: 0, max: runs }))),
        fc.integer({ min: 0, max: 200 }).chain((runs) => fc.tuple(fc.constant(runs), fc.integer({ min: 0, max: runs }))),
        fc.option(fc.double({ min: 0.001, max: 1, noNaN: true })),
        fc.double({ min: 0, max: 2, noNaN: true }),
        ([stableRuns, stableFailed], [candidateRuns, candidateFailed], stableCost, candidateCost) => {
          const stable = arm(stableRuns, stableFailed, stableCost);
          const candidate = arm(candidateRuns, candidateFailed, candidateCost);
          const verdict = judgeCanary(comparison(stable, candidate), RULES);
          if (candidateRuns < RULES.minRuns) {
            expect(verdict.kind).toBe("wait");
            return;
          }
          const breaksErrors = candidate.errorRate - stable.errorRate > RULES.maxErrorRateIncrease;
          const breaksCost = stableCost !== null && candidateCost / stableCost - 1 > RULES.maxCostIncrease;
          expect(verdict.kind).toBe(breaksErrors || breaksCost ? "rollback" : "healthy");
        },
      ),
    );
  });
});
