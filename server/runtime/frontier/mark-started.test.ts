import { describe, expect, it } from "vitest";
import type { TActivation, TFrontier } from "./frontier";
import { markStarted } from "./mark-started";

const activation = (key: string): TActivation => ({ key, stepSeq: 1, nodeId: key.split(":")[0]!, scope: [], inputs: {}, isSkipped: false, stateKey: `${key.split(":")[0]}:top` });
const frontierWith = (inFlight: TActivation[]): TFrontier => ({
  pending: [],
  inFlight,
  waiting: [],
  resolved: [],
  outputs: {},
  nodeState: {},
  activationCounts: {},
  nextStepSeq: 2,
  stepCount: 0,
  usage: { tokens: 0, costUsd: 0 },
});

describe("markStarted", () => {
  it("marks only the given activations; a second mark (a takeover) is the next attempt and keeps the lost one", () => {
    const first = markStarted(frontierWith([activation("a:top:0"), activation("b:top:0")]), new Set(["a:top:0"]), "executor-1", 1_000);
    expect(first.inFlight).toEqual([{ ...activation("a:top:0"), started: { attempt: 1, startedAt: 1_000, owner: "executor-1" } }, activation("b:top:0")]);

    const second = markStarted(first, new Set(["a:top:0"]), "executor-2", 5_000);
    const third = markStarted(second, new Set(["a:top:0"]), "executor-3", 9_000);
    expect(third.inFlight[0]).toMatchObject({
      started: { attempt: 3, startedAt: 9_000, owner: "executor-3" },
      previousAttempts: [
        { attempt: 1, startedAt: 1_000, owner: "executor-1" },
        { attempt: 2, startedAt: 5_000, owner: "executor-2" },
      ],
    });
  });

  it("returns the frontier itself when there is nothing to mark", () => {
    const frontier = frontierWith([activation("a:top:0")]);
    expect(markStarted(frontier, new Set(), "executor-1", 1)).toBe(frontier);
  });
});
