import { describe, expect, it } from "vitest";
import type { TNodeComparison, TNodeSide } from "./compare-runs";
import { markComparedNodes } from "./compare-marks";

const side: TNodeSide = { status: "succeeded", steps: 1, tokens: 0, costUsd: 0, latencyMs: 1, output: 1 };
const compared = (nodeId: string, a: TNodeSide | null, b: TNodeSide | null, changes = 0): TNodeComparison => ({
  nodeId,
  label: nodeId,
  a,
  b,
  outputChanges: Array.from({ length: changes }, () => ({ path: [], kind: "changed" as const, before: 1, after: 2 })) as TNodeComparison["outputChanges"],
  isOutputTruncated: false,
  isPathDifferent: !a || !b,
});

describe("markComparedNodes", () => {
  it("marks same, changed output, one-sided and never-run nodes", () => {
    const marks = markComparedNodes(["same", "changed", "left", "right", "idle"], [compared("same", side, side), compared("changed", side, side, 1), compared("left", side, null), compared("right", null, side)]);
    expect(Object.fromEntries(marks)).toEqual({ same: "same", changed: "changed", left: "only-a", right: "only-b", idle: "not-run" });
  });
});
