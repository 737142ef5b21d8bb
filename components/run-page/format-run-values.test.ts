import { describe, expect, it } from "vitest";
import { formatCostUsd, formatDurationMs, formatSize, formatTokens } from "./format-run-values";

describe("run page numbers", () => {
  it("writes durations, tokens, costs and sizes, with a dash for what was not recorded", () => {
    expect([0, 850, 12_400, 185_000, 7_260_000, undefined].map(formatDurationMs)).toEqual(["0 ms", "850 ms", "12.4 s", "3 m 05 s", "2 h 01 m", "—"]);
    expect([0, 1_234_567, null].map(formatTokens)).toEqual(["0", "1,234,567", "—"]);
    expect([0, 0.0042, 1.5, undefined].map(formatCostUsd)).toEqual(["$0.00", "$0.0042", "$1.50", "—"]);
    expect([812, 10_450, 5 * 1024 * 1024 + 2].map(formatSize)).toEqual(["812 B", "10.2 KB", "5.0 MB"]);
  });
});
