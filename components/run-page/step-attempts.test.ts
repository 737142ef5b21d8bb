import { describe, expect, it } from "vitest";
import { listStepAttempts } from "./step-attempts";

describe("listStepAttempts", () => {
  it("lists the lost attempts, then the one that counted", () => {
    const effects = { now: [], random: [], previousAttempts: [{ attempt: 1, startedAt: 1_000, owner: "executor-a" }] };
    expect(listStepAttempts(effects, { attempt: 2, startedAt: 4_000, finishedAt: 4_500 })).toEqual([
      { attempt: 1, startedAt: 1_000, owner: "executor-a", isLost: true },
      { attempt: 2, startedAt: 4_000, finishedAt: 4_500, isLost: false },
    ]);
  });

  it("is empty for a step that was not re-executed, and skips entries it cannot read", () => {
    expect(listStepAttempts({ now: [], random: [] }, { attempt: 3, startedAt: 1 })).toEqual([]);
    expect(listStepAttempts(null, { attempt: 1, startedAt: 1 })).toEqual([]);
    expect(listStepAttempts({ previousAttempts: [{ attempt: "x" }, { attempt: 1, startedAt: 5 }] }, { attempt: 2, startedAt: 9 })).toEqual([
      { attempt: 1, startedAt: 5, owner: undefined, isLost: true },
      { attempt: 2, startedAt: 9, finishedAt: undefined, isLost: false },
    ]);
  });
});
