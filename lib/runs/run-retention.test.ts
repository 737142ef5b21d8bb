import { describe, expect, it } from "vitest";
import { parseRetentionDays, runRetentionProblem, ZRunRetention } from "./run-retention";

describe("run retention", () => {
  it("reads a days field: blank is forever, whole days from 1 to 3650", () => {
    expect(parseRetentionDays("  ")).toEqual({ days: null });
    expect(parseRetentionDays(" 30 ")).toEqual({ days: 30 });
    for (const text of ["0", "-3", "1.5", "3651", "ten"]) expect(parseRetentionDays(text)).toHaveProperty("problem");
  });

  it("keeps failed runs at least as long as the others, and never prunes failed runs alone", () => {
    expect(runRetentionProblem({ runDays: 30, failedDays: 90 })).toBeUndefined();
    expect(runRetentionProblem({ runDays: 30, failedDays: null })).toBeUndefined();
    expect(runRetentionProblem({ runDays: null, failedDays: null })).toBeUndefined();
    expect(runRetentionProblem({ runDays: 30, failedDays: 7 })).toBe("Keep failed runs at least as long as other runs (30 days)");
    expect(runRetentionProblem({ runDays: null, failedDays: 7 })).toBe("Failed runs cannot be pruned while other runs are kept forever");
    expect(ZRunRetention.safeParse({ runDays: 30, failedDays: 7 }).success).toBe(false);
    expect(ZRunRetention.safeParse({ runDays: 0, failedDays: null }).success).toBe(false);
  });
});
