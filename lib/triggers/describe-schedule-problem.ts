import { computeNextFireTime } from "./next-fire-times";
import { MAX_CRON_LENGTH, type TScheduleConfig } from "./trigger-config";

export type TScheduleProblem = { setting: keyof TScheduleConfig; message: string };

/** What is wrong with a schedule and in which setting, for the editor and the publish error; undefined when it can fire. */
export function describeScheduleProblem(schedule: TScheduleConfig, now: Date): TScheduleProblem | undefined {
  if (schedule.cron === "") return { setting: "cron", message: "the cron expression is empty" };
  if (schedule.cron.length > MAX_CRON_LENGTH) return { setting: "cron", message: `the cron expression is longer than ${MAX_CRON_LENGTH} characters` };
  if (!isKnownTimezone(schedule.timezone)) {
    return { setting: "timezone", message: `"${schedule.timezone}" is not an IANA time zone (e.g. Europe/Berlin, UTC)` };
  }
  try {
    if (computeNextFireTime(schedule, now) === null) return { setting: "cron", message: `"${schedule.cron}" never fires` };
  } catch (error) {
    return { setting: "cron", message: `"${schedule.cron}" is not a valid cron expression (${describeCronError(error)})` };
  }
  return undefined;
}

function isKnownTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

// croner prefixes its messages with the class that threw ("CronPattern: Invalid value for minute: 61").
function describeCronError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Cron\w*:\s*/, "");
}
