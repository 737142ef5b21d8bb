// The run-level limits of DESIGN §4 "Failures": token and cost budgets, the run timeout, and how a step's spend is
// counted against them. Pure, except `watchDeadline`, which sleeps on the injected clock.
import type { TGraphSettings } from "@/lib/graph";
import type { TBudgetLeft } from "./attached-contract";
import type { TClock } from "./clock";
import type { TUsage } from "./node-implementation";

export const NO_USAGE: TUsage = { tokens: 0, costUsd: 0 };

export function addUsage(total: TUsage, more: TUsage | null | undefined): TUsage {
  return more ? { tokens: total.tokens + more.tokens, costUsd: total.costUsd + more.costUsd } : total;
}

export function describeBudgetLeft(settings: TGraphSettings, used: TUsage): TBudgetLeft {
  return {
    tokens: settings.tokenBudget === undefined ? undefined : settings.tokenBudget - used.tokens,
    costUsd: settings.costBudgetUsd === undefined ? undefined : settings.costBudgetUsd - used.costUsd,
  };
}

/** Why the run must stop before starting another node: it used more than its token or cost budget. */
export function describeBudgetOverrun(settings: TGraphSettings, used: TUsage): string | undefined {
  if (settings.tokenBudget !== undefined && used.tokens > settings.tokenBudget) {
    return `The run used ${used.tokens} tokens; its budget is ${settings.tokenBudget}`;
  }
  if (settings.costBudgetUsd !== undefined && used.costUsd > settings.costBudgetUsd) {
    return `The run cost $${used.costUsd.toFixed(4)}; its budget is $${settings.costBudgetUsd}`;
  }
  return undefined;
}

/**
 * The time the run must have ended by: `runTimeoutMs` after its first start (the Run row's `startedAt`, kept across
 * restarts and parks), so time parked on an approval or a delay counts, as an n8n execution timeout does.
 */
export function getRunDeadline(settings: TGraphSettings, startedAt: number): number | undefined {
  return settings.runTimeoutMs === undefined ? undefined : startedAt + settings.runTimeoutMs;
}

export function describeTimeout(settings: TGraphSettings): string {
  return `The run passed its timeout of ${settings.runTimeoutMs} ms`;
}

/** When a parked run must be claimed again: its next delay, or its deadline if that comes first. */
export function getWakeAt(nextDelayAt: number | undefined, deadline: number | undefined): number | undefined {
  if (nextDelayAt === undefined) return deadline;
  return deadline === undefined ? nextDelayAt : Math.min(nextDelayAt, deadline);
}

/** setTimeout fires at once for a delay past 2^31 - 1 ms (about 24.8 days): a longer wait is slept in parts. */
const MAX_TIMER_MS = 2_147_483_647;

/** Calls `onDeadline` once the deadline passes, unless `signal` aborts first (the drive ended). */
export function watchDeadline(clock: TClock, deadline: number | undefined, signal: AbortSignal, onDeadline: () => void): void {
  if (deadline === undefined) return;
  const parts = Math.ceil(Math.max(0, deadline - clock.now()) / MAX_TIMER_MS);
  const sleepUntilDeadline = async () => {
    for (let part = 0; part < parts; part++) await clock.sleep(Math.min(MAX_TIMER_MS, Math.max(0, deadline - clock.now())), signal);
  };
  sleepUntilDeadline().then(
    () => {
      if (!signal.aborted) onDeadline();
    },
    () => undefined,
  );
}

/**
 * The spend of each running activation's model calls as they finish: every attempt, delegated agents included,
 * whether or not the step (or the delegated agent) then fails. A failed step's spend is real spend.
 */
export function createUsageMeter() {
  const spent = new Map<string, TUsage>();
  return {
    add(activationKey: string, usage: TUsage): void {
      spent.set(activationKey, addUsage(spent.get(activationKey) ?? NO_USAGE, usage));
    },
    /**
     * The step's usage: what its live model calls spent, else what the node reported itself (a node that spends
     * without an attached model; a step served from a record, which spent nothing live, reports none).
     */
    take(activationKey: string, reported: TUsage | undefined): TUsage | null {
      const metered = spent.get(activationKey);
      spent.delete(activationKey);
      return metered ?? reported ?? null;
    },
  };
}
