import { describe, expect, it } from "vitest";
import { buildTestGraph } from "../test-node-types";
import { findInvalidSchedules } from "./find-invalid-schedules";

function scheduleGraph(config: Record<string, unknown>) {
  return buildTestGraph([["tick", "core/schedule", "Nightly", config]]);
}

describe("findInvalidSchedules", () => {
  it("accepts a valid pattern in a named zone", () => {
    expect(findInvalidSchedules(scheduleGraph({ cron: "0 3 * * *", timezone: "Europe/Berlin" }))).toEqual([]);
  });

  it("reports a bad pattern on the cron setting and a bad zone on the timezone setting", () => {
    expect(findInvalidSchedules(scheduleGraph({ cron: "0 25 * * *" }))).toEqual([
      { code: "INVALID_SCHEDULE", message: '"Nightly": "0 25 * * *" is not a valid cron expression (Invalid value for hour: 25)', path: ["nodes", 0, "config", "cron"], nodeId: "tick" },
    ]);
    expect(findInvalidSchedules(scheduleGraph({ cron: "0 3 * * *", timezone: "Europe/Atlantis" }))[0]).toMatchObject({ path: ["nodes", 0, "config", "timezone"] });
  });

  it("leaves a missing cron to the config schema (MISSING_CONFIG)", () => {
    expect(findInvalidSchedules(scheduleGraph({}))).toEqual([]);
  });
});
