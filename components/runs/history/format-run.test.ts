import { describe, expect, it } from "vitest";
import { formatCost, formatDuration, formatTokens } from "./format-run";

const at = (ms: number) => new Date(Date.parse("2026-05-01T00:00:00.000Z") + ms).toISOString();

describe("run numbers in the history", () => {
  it("shows durations at a useful precision, and a dash while a run has not finished", () => {
    expect(formatDuration(at(0), at(850))).toBe("850 ms");
    expect(formatDuration(at(0), at(12_449))).toBe("12.4 s");
    expect(formatDuration(at(0), at(185_000))).toBe("3 m 05 s");
    expect(formatDuration(at(0), at(7_260_000))).toBe("2 h 01 m");
    expect(formatDuration(at(0), null)).toBe("—");
  });

  it("abbreviates tokens and keeps small costs visible", () => {
    expect(formatTokens(940)).toBe("940");
    expect(formatTokens(12_345)).toBe("12.3K");
    expect(formatTokens(null)).toBe("—");
    expect(formatCost(1.234)).toBe("$1.23");
    expect(formatCost(0.0004)).toBe("$0.0004");
    expect(formatCost(0)).toBe("$0.00");
    expect(formatCost(null)).toBe("—");
  });
});
