import { describe, expect, it } from "vitest";
import { describeScheduleProblem } from "./describe-schedule-problem";

const NOW = new Date("2026-03-01T00:00:00Z");

describe("describeScheduleProblem", () => {
  it("finds nothing wrong with a schedule that fires", () => {
    expect(describeScheduleProblem({ cron: "0 9 * * 1-5", timezone: "America/New_York" }, NOW)).toBeUndefined();
  });

  it("names the bad part of a pattern", () => {
    expect(describeScheduleProblem({ cron: "61 * * * *", timezone: "UTC" }, NOW)).toEqual({ setting: "cron", message: '"61 * * * *" is not a valid cron expression (Invalid value for minute: 61)' });
    expect(describeScheduleProblem({ cron: "every day", timezone: "UTC" }, NOW)?.message).toMatch(/^"every day" is not a valid cron expression/);
    expect(describeScheduleProblem({ cron: "", timezone: "UTC" }, NOW)).toEqual({ setting: "cron", message: "the cron expression is empty" });
  });

  it("refuses an unknown time zone and a pattern that never fires", () => {
    expect(describeScheduleProblem({ cron: "0 * * * *", timezone: "Mars/Olympus" }, NOW)).toEqual({ setting: "timezone", message: '"Mars/Olympus" is not an IANA time zone (e.g. Europe/Berlin, UTC)' });
    expect(describeScheduleProblem({ cron: "0 0 30 2 *", timezone: "UTC" }, NOW)).toEqual({ setting: "cron", message: '"0 0 30 2 *" never fires' });
  });
});
