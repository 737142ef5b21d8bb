import type { TComparison } from "./compare-arms";

export type TCanaryRules = { minRuns: number; maxErrorRateIncrease: number; maxCostIncrease: number };

export type TVerdict =
  /** Not enough candidate runs yet: `reason` says how many more. */
  | { kind: "wait"; reason: string }
  | { kind: "rollback"; reason: string }
  /** The candidate has the minimum runs and breaks no rule. */
  | { kind: "healthy"; reason: string };

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

/**
 * The promotion and rollback rules, a pure function of the comparison. The stable side is the baseline; a stable side
 * without runs in the window counts as error-free, and without cost the cost rule cannot judge (it passes).
 * Error rate: absolute increase (0.05 = 5 points); cost per run: relative increase (0.2 = +20 %).
 */
export function judgeCanary(comparison: TComparison, rules: TCanaryRules): TVerdict {
  const { stable, candidate } = comparison;
  if (candidate.runs < rules.minRuns) return { kind: "wait", reason: `${candidate.runs} of ${rules.minRuns} candidate runs finished` };
  const errorIncrease = candidate.errorRate - stable.errorRate;
  if (errorIncrease > rules.maxErrorRateIncrease) {
    return {
      kind: "rollback",
      reason: `error rate ${percent(candidate.errorRate)} vs ${percent(stable.errorRate)} on stable: +${percent(errorIncrease)} is more than the allowed +${percent(rules.maxErrorRateIncrease)}`,
    };
  }
  const stableCost = stable.costPerRunUsd;
  const candidateCost = candidate.costPerRunUsd ?? 0;
  if (stableCost !== null && stableCost > 0) {
    const costIncrease = candidateCost / stableCost - 1;
    if (costIncrease > rules.maxCostIncrease) {
      return {
        kind: "rollback",
        reason: `cost per run $${candidateCost.toFixed(4)} vs $${stableCost.toFixed(4)} on stable: +${percent(costIncrease)} is more than the allowed +${percent(rules.maxCostIncrease)}`,
      };
    }
  }
  return { kind: "healthy", reason: `${candidate.runs} candidate runs within the rules (error rate ${percent(candidate.errorRate)}, stable ${percent(stable.errorRate)})` };
}
