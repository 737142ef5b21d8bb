import { RateLimiterMemory } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { createReservedPoints } from "./reserved-points";

/** Two processes' budgets over one shared counter (the store every process writes to). */
function twoProcesses(points: number) {
  const store = new RateLimiterMemory({ points, duration: 60 });
  return [createReservedPoints(() => store, points), createReservedPoints(() => store, points)] as const;
}

async function admitted(budget: ReturnType<typeof createReservedPoints>, tries: number): Promise<number> {
  const results = await Promise.all(Array.from({ length: tries }, () => budget.consume("webhook:t1")));
  return results.filter((result) => result.ok).length;
}

describe("a budget taken from the shared store in blocks", () => {
  it("admits exactly the budget across two processes, whatever their share", async () => {
    const [first, second] = twoProcesses(1_000);
    expect(await admitted(first, 600)).toBe(600);
    expect(await admitted(second, 700)).toBe(400);
    const refused = await first.consume("webhook:t1");
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.msBeforeNext).toBeGreaterThan(0);
  });

  it("gives the part of a block that still fits when the budget runs out mid-block", async () => {
    const [first, second] = twoProcesses(1_050);
    // Blocks of 11: 95 blocks hold 1,045 points, the 96th has 5 left.
    expect(await admitted(first, 1_045)).toBe(1_045);
    expect(await admitted(second, 20)).toBe(5);
    expect(await admitted(first, 3)).toBe(0);
  });

  it("counts point by point when the budget is small, so one process cannot hold another's points", async () => {
    const [first, second] = twoProcesses(60);
    expect(await admitted(first, 1)).toBe(1);
    expect(await admitted(second, 100)).toBe(59);
  });

  it("keeps budgets of different keys apart", async () => {
    const [budget] = twoProcesses(100);
    for (let i = 0; i < 100; i++) await budget.consume("webhook:a");
    expect((await budget.consume("webhook:a")).ok).toBe(false);
    expect((await budget.consume("webhook:b")).ok).toBe(true);
  });
});
