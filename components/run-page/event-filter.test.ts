import { describe, expect, it } from "vitest";
import type { TRunStreamEvent } from "../realtime/use-run-events";
import { describeEvent } from "./describe-event";
import { ALL_EVENT_GROUPS, filterEvents } from "./event-filter";

let seq = 0;
function event(type: string, nodeId: string | null, payload: object): TRunStreamEvent {
  return { runId: "r", seq: ++seq, type, nodeId, ts: 1_000 + seq, payload } as TRunStreamEvent;
}

const events = [
  event("run.started", null, { isResumed: false }),
  event("node.started", "assistant", { stepSeq: 3, attempt: 1, scope: [] }),
  event("node.output_chunk", "assistant", { stepSeq: 3, chunk: "Your question has " }),
  event("node.call_started", "multiply", { stepSeq: 3, callId: "c2", callerNodeId: "assistant", kind: "tool", operation: "multiply" }),
  event("node.call_finished", "multiply", { stepSeq: 3, callId: "c2", callerNodeId: "assistant", kind: "tool", operation: "multiply", ok: false, durationMs: 12, error: { code: "E", message: "NaN" } }),
  event("node.log", "assistant", { stepSeq: 3, level: "warn", message: "tool failed, retrying" }),
  event("edge.depth", null, { depths: { "prompt-assistant": 2 } }),
  event("node.completed", "assistant", { stepSeq: 3, durationMs: 1_250, ports: ["out"] }),
  event("run.failed", null, { error: { code: "X", message: 'Node "Answer" failed: boom', nodeId: "answer" } }),
];
const labelOf = (nodeId: string) => (nodeId === "assistant" ? "Assistant" : nodeId);
const types = (filtered: TRunStreamEvent[]) => filtered.map((item) => item.type);

describe("filterEvents", () => {
  it("keeps the chosen type groups", () => {
    expect(types(filterEvents(events, { groups: ["run"], nodeId: "", text: "" }))).toEqual(["run.started", "run.failed"]);
    expect(types(filterEvents(events, { groups: ["tokens", "logs"], nodeId: "", text: "" }))).toEqual(["node.output_chunk", "node.log"]);
    expect(types(filterEvents(events, { groups: ["calls", "edges"], nodeId: "", text: "" }))).toEqual(["node.call_started", "node.call_finished", "edge.depth"]);
    expect(types(filterEvents(events, { groups: ["lifecycle"], nodeId: "", text: "" }))).toEqual(["node.started", "node.completed"]);
    expect(filterEvents(events, { groups: ALL_EVENT_GROUPS, nodeId: "", text: "" })).toHaveLength(events.length);
  });

  it("keeps one node's events, and events whose summary, type or node label holds the text", () => {
    expect(types(filterEvents(events, { groups: ALL_EVENT_GROUPS, nodeId: "multiply", text: "" }))).toEqual(["node.call_started", "node.call_finished"]);
    expect(types(filterEvents(events, { groups: ALL_EVENT_GROUPS, nodeId: "", text: "NaN" }))).toEqual(["node.call_finished"]);
    expect(types(filterEvents(events, { groups: ALL_EVENT_GROUPS, nodeId: "", text: " boom " }))).toEqual(["run.failed"]);
    expect(types(filterEvents(events, { groups: ["lifecycle"], nodeId: "", text: "assistant" }, labelOf))).toEqual(["node.started", "node.completed"]);
    expect(types(filterEvents(events, { groups: ALL_EVENT_GROUPS, nodeId: "", text: "output_chunk" }))).toEqual(["node.output_chunk"]);
  });
});

describe("describeEvent", () => {
  it("says what happened in one line", () => {
    expect(events.map(describeEvent)).toEqual([
      "started",
      "step 3 started",
      "Your question has ",
      "tool call multiply by assistant started",
      "tool call multiply failed: NaN in 12 ms",
      "[warn] tool failed, retrying",
      "prompt-assistant: 2",
      "step 3 completed in 1.3 s → out",
      'Node "Answer" failed: boom',
    ]);
    expect(describeEvent(event("node.call_finished", "search", { truncated: true, size: 5 * 1024 * 1024, stepSeq: 2 }))).toBe("payload too large to stream (5.0 MB); the step holds it");
  });

  it("files a model call's retry under calls, with the error and what it discards", () => {
    const retry = event("model.retry", "model", { stepSeq: 3, callId: "3.0", callerNodeId: "assistant", kind: "model", operation: "complete", attempt: 2, delayMs: 1_000, error: { code: "ModelStreamCut", message: "The model's answer stream from m at h was cut after 3 chunks" }, discardedChars: 7 });
    expect(types(filterEvents([retry], { groups: ["calls"], nodeId: "", text: "" }))).toEqual(["model.retry"]);
    expect(describeEvent(retry)).toBe("model call 3.0 by assistant retries (attempt 2) in 1 s: The model's answer stream from m at h was cut after 3 chunks; the 7 characters it streamed are discarded");
  });
});
