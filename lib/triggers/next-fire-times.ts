import { Cron } from "croner";
import type { TScheduleConfig } from "./trigger-config";

/**
 * The next `count` ticks strictly after `after`. Five fields (minute precision) or a nickname such as `@daily`: a
 * six-field pattern with seconds would let one graph start a run every second. Throws on an invalid pattern or zone;
 * `describeScheduleProblem` says why in words.
 */
export function computeNextFireTimes(schedule: TScheduleConfig, after: Date, count: number): Date[] {
  const cron = new Cron(schedule.cron, { timezone: schedule.timezone, mode: "5-part" });
  return cron.nextRuns(count, after);
}

/** The first tick strictly after `after`, or null when the pattern never matches again (e.g. 30 February). */
export function computeNextFireTime(schedule: TScheduleConfig, after: Date): Date | null {
  return computeNextFireTimes(schedule, after, 1)[0] ?? null;
}
