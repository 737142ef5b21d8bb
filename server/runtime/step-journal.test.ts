import { describe, expect, it } from "vitest";
import type { TFrontier } from "./frontier/frontier";
import type { TStepRecord } from "./run-store";
import { createStepJournal } from "./step-journal";

const step = (seq: number) => ({ seq }) as TStepRecord;
const frontierAt = (stepCount: number) => ({ ...({} as TFrontier), stepCount });

describe("step journal", () => {
  it("writes pure steps deferred together in one write, with the latest frontier, after the window", async () => {
    const writes: { seqs: number[]; stepCount: number }[] = [];
    const journal = createStepJournal(async (steps, frontier) => void writes.push({ seqs: steps.map((s) => s.seq), stepCount: frontier.stepCount }), { deferMs: 20 });
    journal.defer(step(1), frontierAt(1));
    journal.defer(step(2), frontierAt(2));
    expect(writes).toEqual([]);
    await expect.poll(() => writes).toEqual([{ seqs: [1, 2], stepCount: 2 }]);
  });

  it("writes deferred steps with the next committed one, in order, and settle waits for them", async () => {
    const writes: number[][] = [];
    const journal = createStepJournal(async (steps) => void writes.push(steps.map((s) => s.seq)), { deferMs: 10_000 });
    journal.defer(step(1), frontierAt(1));
    await journal.commit(step(2), frontierAt(2));
    journal.defer(step(3), frontierAt(3));
    await journal.settle();
    expect(writes).toEqual([[1, 2], [3]]);
  });

  it("a failed background write fails the next commit and settle with its error, and writes nothing after it", async () => {
    const writes: number[][] = [];
    let failNext = true;
    const journal = createStepJournal(async (steps) => {
      if (failNext) {
        failNext = false;
        throw new Error("lease lost");
      }
      writes.push(steps.map((s) => s.seq));
    }, { deferMs: 1 });
    journal.defer(step(1), frontierAt(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(journal.commit(step(2), frontierAt(2))).rejects.toThrow("lease lost");
    await expect(journal.settle()).rejects.toThrow("lease lost");
    expect(writes).toEqual([]);
  });

});
