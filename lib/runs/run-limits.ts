// A run's limits (graph settings) beside what the run used of each: the runtime enforces them (server/runtime/
// run-limits.ts), the run page shows how close a run came.
import type { TGraphSettings } from "../graph/spec";

/** Steps a run may take when its graph sets no `maxSteps`. */
export const DEFAULT_MAX_STEPS = 10_000;

export type TRunLimitKind = "steps" | "time" | "tokens" | "cost";

/** `limit` undefined: the graph sets none. `share` is used / limit (1 or more: the limit was reached). */
export type TRunLimitUse = { kind: TRunLimitKind; used: number; limit: number | undefined; share: number | undefined };

export type TRunUsed = { steps: number; elapsedMs: number | undefined; tokens: number; costUsd: number };

export function describeRunLimits(settings: Pick<TGraphSettings, "maxSteps" | "runTimeoutMs" | "tokenBudget" | "costBudgetUsd">, used: TRunUsed): TRunLimitUse[] {
  const use = (kind: TRunLimitKind, value: number, limit: number | undefined): TRunLimitUse => ({ kind, used: value, limit, share: limit === undefined ? undefined : value / limit });
  return [
    use("steps", used.steps, settings.maxSteps ?? DEFAULT_MAX_STEPS),
    use("time", used.elapsedMs ?? 0, settings.runTimeoutMs),
    use("tokens", used.tokens, settings.tokenBudget),
    use("cost", used.costUsd, settings.costBudgetUsd),
  ];
}
