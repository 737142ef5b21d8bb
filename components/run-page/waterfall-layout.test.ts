import { describe, expect, it } from "vitest";
import type { TLiveStep } from "./live-steps";
import { getTimeBounds, layoutWaterfall } from "./waterfall-layout";

function step(overrides: Partial<TLiveStep> & { seq: number; startedAt: number }): TLiveStep {
  return { nodeId: `n${overrides.seq}`, scope: [], attempt: 1, status: "succeeded", calls: [], isRecorded: true, ...overrides };
}

const labelOf = (nodeId: string) => ({ assistant: "Assistant", model: "Scripted model", multiply: "Multiply" })[nodeId] ?? nodeId;

describe("layoutWaterfall", () => {
  const steps = [
    step({ seq: 1, nodeId: "question", startedAt: 1_000, finishedAt: 1_000 }),
    step({
      seq: 2,
      nodeId: "assistant",
      startedAt: 1_100,
      finishedAt: 1_900,
      calls: [
        { callId: "c1", nodeId: "model", kind: "model", operation: "chat", startedAt: 1_100, finishedAt: 1_500, status: "succeeded", index: 0 },
        { callId: "c2", nodeId: "multiply", kind: "tool", operation: "multiply", startedAt: 1_500, finishedAt: 1_600, status: "failed", index: 1 },
      ],
    }),
  ];

  it("places one bar per step and nests its calls under it, as fractions of the window", () => {
    const bars = layoutWaterfall(steps, { window: { from: 1_000, to: 2_000 }, axisStart: 1_000, now: 5_000, labelOf });
    expect(bars.map((bar) => [bar.kind, bar.label, bar.detail, bar.status, bar.left, bar.width])).toEqual([
      ["step", "question", "", "succeeded", 0, 0],
      ["step", "Assistant", "", "succeeded", 0.1, 0.8],
      ["call", "Scripted model", "model · chat", "succeeded", 0.1, 0.4],
      ["call", "Multiply", "tool · multiply", "failed", 0.5, expect.closeTo(0.1, 10)],
    ]);
    expect(bars[3]).toMatchObject({ seq: 2, callIndex: 1, startMs: 500, durationMs: 100, isOutside: false });
  });

  it("clips bars to a zoomed window and marks those outside it", () => {
    const bars = layoutWaterfall(steps, { window: { from: 1_450, to: 1_550 }, axisStart: 1_000, now: 5_000, labelOf });
    const [question, assistant, model, multiply] = bars;
    expect(question).toMatchObject({ isOutside: true, width: 0 });
    expect(assistant).toMatchObject({ left: 0, width: 1, isOutside: false, durationMs: 800 });
    expect(model).toMatchObject({ left: 0, width: expect.closeTo(0.5, 10) });
    expect(multiply).toMatchObject({ left: expect.closeTo(0.5, 10), width: expect.closeTo(0.5, 10) });
  });

  it("runs an open step to now, and draws calls served from a record at the step's start", () => {
    const live = [
      step({ seq: 1, nodeId: "assistant", status: "running", startedAt: 1_000, isRecorded: false, calls: [{ callId: "c1", nodeId: "model", kind: "model", operation: "chat", startedAt: 1_200, status: "running" }] }),
      step({ seq: 2, nodeId: "replayed", startedAt: 1_300, finishedAt: 1_300, calls: [{ callId: "c9", nodeId: "model", kind: "model", operation: "chat", startedAt: 100, finishedAt: 200, status: "succeeded", index: 0 }] }),
      step({ seq: 3, nodeId: "item", scope: [2], attempt: 3, startedAt: 1_300, finishedAt: 1_400 }),
    ];
    const bars = layoutWaterfall(live, { window: { from: 1_000, to: 2_000 }, axisStart: 1_000, now: 1_500, labelOf });
    expect(bars[0]).toMatchObject({ isOpen: true, durationMs: 500, width: 0.5 });
    expect(bars[1]).toMatchObject({ isOpen: true, left: 0.2, width: expect.closeTo(0.3, 10) });
    expect(bars[3]).toMatchObject({ isFromRecord: true, left: expect.closeTo(0.3, 10), width: 0 });
    expect(bars[4]).toMatchObject({ label: "item [2]", detail: "attempt 3" });
  });
});

describe("getTimeBounds", () => {
  it("spans the steps, reaching now while one is open, and the run's start", () => {
    expect(getTimeBounds([step({ seq: 1, startedAt: 1_000, finishedAt: 1_200 })], { startedAt: 900, finishedAt: 1_250 }, 9_000)).toEqual({ from: 900, to: 1_250 });
    expect(getTimeBounds([step({ seq: 1, startedAt: 1_000, status: "running" })], { startedAt: 1_000 }, 3_000)).toEqual({ from: 1_000, to: 3_000 });
    expect(getTimeBounds([], {}, 3_000)).toEqual({ from: 3_000, to: 3_001 });
    expect(getTimeBounds([step({ seq: 1, startedAt: 1_000, finishedAt: 1_000 })], {}, 3_000)).toEqual({ from: 1_000, to: 1_001 });
  });
});
