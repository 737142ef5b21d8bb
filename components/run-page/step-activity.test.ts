import { describe, expect, it } from "vitest";
import type { TRunStreamEvent } from "../realtime/use-run-events";
import { getStepActivity, sumStepUsage } from "./step-activity";

const event = (seq: number, type: string, payload: object) => ({ runId: "r", seq, type, nodeId: "assistant", ts: 1_000 + seq, payload }) as TRunStreamEvent;

describe("getStepActivity", () => {
  it("collects one step's logs and streamed text, in order", () => {
    const events = [
      event(1, "node.output_chunk", { stepSeq: 3, chunk: "Your question " }),
      event(2, "node.log", { stepSeq: 3, level: "warn", message: "slow tool" }),
      event(3, "node.output_chunk", { stepSeq: 4, chunk: "other step" }),
      event(4, "node.output_chunk", { stepSeq: 3, chunk: "has 7 words." }),
    ];
    expect(getStepActivity(events, 3)).toEqual({ logs: [{ seq: 2, ts: 1_002, level: "warn", message: "slow tool" }], text: "Your question has 7 words." });
    expect(getStepActivity(events, 9)).toEqual({ logs: [], text: "" });
  });

  it("leaves out the text of a model call's attempt that failed and was retried", () => {
    const call = { stepSeq: 3, callId: "3.0", callerNodeId: "assistant", kind: "model", operation: "complete" };
    const events = [
      { ...event(1, "node.call_started", call), nodeId: "model" },
      event(2, "node.output_chunk", { stepSeq: 3, chunk: "I will " }),
      { ...event(3, "model.retry", { ...call, attempt: 2, delayMs: 10, error: { code: "ModelStreamCut", message: "cut" }, discardedChars: 7 }), nodeId: "model" },
      event(4, "node.output_chunk", { stepSeq: 3, chunk: "Five." }),
    ];
    expect(getStepActivity(events, 3).text).toBe("Five.");
  });
});

describe("sumStepUsage", () => {
  it("sums the steps that recorded usage, and says none when no step did", () => {
    expect(sumStepUsage([{ usage: null }, { usage: { tokens: 10, costUsd: 0.5 } }, { usage: { tokens: 5, costUsd: 0.25 } }])).toEqual({ tokens: 15, costUsd: 0.75 });
    expect(sumStepUsage([{ usage: null }])).toBeNull();
  });
});
