import { describe, expect, it } from "vitest";
import { computeNextFireTime, computeNextFireTimes } from "./next-fire-times";
import { readScheduleConfig } from "./trigger-config";

describe("computeNextFireTimes", () => {
  it("lists the ticks after a moment, strictly after it", () => {
    const times = computeNextFireTimes({ cron: "*/15 * * * *", timezone: "UTC" }, new Date("2026-03-01T10:15:00Z"), 3);
    expect(times.map((time) => time.toISOString())).toEqual(["2026-03-01T10:30:00.000Z", "2026-03-01T10:45:00.000Z", "2026-03-01T11:00:00.000Z"]);
  });

  it("reads the hour in the schedule's time zone, across a daylight saving change", () => {
    const schedule = { cron: "0 9 * * *", timezone: "Europe/Berlin" };
    const [winter, summer] = [computeNextFireTime(schedule, new Date("2026-03-28T12:00:00Z")), computeNextFireTime(schedule, new Date("2026-03-29T12:00:00Z"))];
    expect([winter?.toISOString(), summer?.toISOString()]).toEqual(["2026-03-29T07:00:00.000Z", "2026-03-30T07:00:00.000Z"]);
    expect(computeNextFireTime(schedule, new Date("2026-01-10T12:00:00Z"))?.toISOString()).toBe("2026-01-11T08:00:00.000Z");
  });

  it("accepts nicknames and refuses six fields (a run every second)", () => {
    expect(computeNextFireTime({ cron: "@hourly", timezone: "UTC" }, new Date("2026-03-01T10:20:00Z"))?.toISOString()).toBe("2026-03-01T11:00:00.000Z");
    expect(() => computeNextFireTimes({ cron: "* * * * * *", timezone: "UTC" }, new Date(), 1)).toThrow();
  });

  it("is null for a pattern that never matches", () => {
    expect(computeNextFireTime({ cron: "0 0 30 2 *", timezone: "UTC" }, new Date("2026-03-01T00:00:00Z"))).toBeNull();
  });
});

describe("readScheduleConfig", () => {
  it("trims the pattern and defaults the zone to UTC", () => {
    expect(readScheduleConfig({ cron: " 0 * * * * " })).toEqual({ cron: "0 * * * *", timezone: "UTC" });
    expect(readScheduleConfig({ cron: 5, timezone: "" })).toEqual({ cron: "", timezone: "UTC" });
  });
});
