import { describe, expect, it } from "vitest";
import type { TRunStreamEvent } from "../realtime/use-run-events";
import { findDiscardedChunks } from "./discarded-chunks";

let seq = 0;
function event(type: string, nodeId: string, payload: object): TRunStreamEvent {
  return { runId: "r", seq: ++seq, type, nodeId, ts: seq, payload } as TRunStreamEvent;
}
const call = { stepSeq: 2, callId: "2.1", callerNodeId: "agent", kind: "model", operation: "complete" };
const chunk = (text: string, stepSeq = 2, nodeId = "agent") => event("node.output_chunk", nodeId, { stepSeq, chunk: text });
const retry = (attempt: number, discardedChars: number) => event("model.retry", "model", { ...call, attempt, delayMs: 10, error: { code: "ModelStreamCut", message: "cut" }, discardedChars });

describe("findDiscardedChunks", () => {
  it("voids exactly the failed attempts' chunks of the caller, keeping an earlier turn's text and other steps' chunks", () => {
    const earlierTurn = chunk("Let me add. ");
    const started = event("node.call_started", "model", call);
    const otherStep = chunk("elsewhere", 5);
    const first = [chunk("I will "), chunk("not ")];
    const firstRetry = retry(2, "I will not ".length);
    const second = [chunk("Half")];
    const secondRetry = retry(3, "Half".length);
    const answer = chunk("Five.");
    const events = [earlierTurn, started, first[0]!, otherStep, first[1]!, firstRetry, ...second, secondRetry, answer];
    expect([...findDiscardedChunks(events)].sort((a, b) => a - b)).toEqual([first[0]!.seq, first[1]!.seq, second[0]!.seq]);
  });

  it("never reaches before the call's start, and voids nothing for an attempt that streamed nothing", () => {
    const before = chunk("kept");
    const events = [before, event("node.call_started", "model", call), retry(2, 50)];
    expect(findDiscardedChunks(events).size).toBe(0);
    expect(findDiscardedChunks([chunk("kept"), retry(2, 0)]).size).toBe(0);
  });
});
