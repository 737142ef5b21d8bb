import { describe, expect, it } from "vitest";
import type { TRunStreamEvent } from "../realtime/use-run-events";
import { countCalls, mergeLiveSteps, type TStepRecordLike } from "./live-steps";

let seq = 0;
function event(type: string, nodeId: string | null, ts: number, payload: object): TRunStreamEvent {
  return { runId: "r", seq: ++seq, type, nodeId, ts, payload } as TRunStreamEvent;
}

function record(overrides: Partial<TStepRecordLike> & { seq: number; nodeId: string }): TStepRecordLike {
  return { scope: [], attempt: 1, status: "succeeded", startedAt: new Date(1_000).toISOString(), finishedAt: new Date(1_010).toISOString(), effects: { now: [], random: [] }, usage: null, ...overrides };
}

describe("mergeLiveSteps", () => {
  it("shows a step from node.started on, with its calls, until its record arrives", () => {
    const events = [
      event("node.started", "assistant", 2_000, { stepSeq: 3, attempt: 1, scope: [] }),
      event("node.call_started", "model", 2_010, { stepSeq: 3, callId: "c1", callerNodeId: "assistant", kind: "model", operation: "chat" }),
      event("node.call_finished", "model", 2_050, { stepSeq: 3, callId: "c1", callerNodeId: "assistant", kind: "model", operation: "chat", ok: true, durationMs: 40, usage: { tokens: 9, costUsd: 0 } }),
      event("node.call_started", "multiply", 2_060, { stepSeq: 3, callId: "c2", callerNodeId: "assistant", kind: "tool", operation: "multiply" }),
    ];
    const [step] = mergeLiveSteps([record({ seq: 1, nodeId: "question" }), record({ seq: 2, nodeId: "prompt" })], events).slice(2);
    expect(step).toMatchObject({ seq: 3, nodeId: "assistant", status: "running", startedAt: 2_000, isRecorded: false });
    expect(step!.calls).toEqual([
      { callId: "c1", nodeId: "model", kind: "model", operation: "chat", startedAt: 2_010, finishedAt: 2_050, status: "succeeded", usage: { tokens: 9, costUsd: 0 } },
      { callId: "c2", nodeId: "multiply", kind: "tool", operation: "multiply", startedAt: 2_060, status: "running" },
    ]);

    const finished = mergeLiveSteps([], [...events, event("node.completed", "assistant", 2_100, { stepSeq: 3, durationMs: 100, ports: ["out"] })]);
    expect(finished[0]).toMatchObject({ status: "succeeded", finishedAt: 2_100 });
  });

  it("prefers a final record to the events, with its calls' indexes for loading their values", () => {
    const effects = { now: [], random: [], calls: [{ callId: "c1", nodeId: "model", kind: "model", operation: "chat", startedAt: 1_002, finishedAt: 1_005, input: {}, output: {}, usage: { tokens: 4, costUsd: 0.1 } }] };
    const records = [record({ seq: 1, nodeId: "assistant", effects, usage: { tokens: 4, costUsd: 0.1 } })];
    const steps = mergeLiveSteps(records, [event("node.started", "assistant", 1_000, { stepSeq: 1, attempt: 1, scope: [] }), event("node.completed", "assistant", 1_010, { stepSeq: 1 })]);
    expect(steps).toEqual([
      {
        seq: 1,
        nodeId: "assistant",
        scope: [],
        attempt: 1,
        status: "succeeded",
        startedAt: 1_000,
        finishedAt: 1_010,
        usage: { tokens: 4, costUsd: 0.1 },
        isRecorded: true,
        calls: [{ callId: "c1", nodeId: "model", kind: "model", operation: "chat", startedAt: 1_002, finishedAt: 1_005, status: "succeeded", usage: { tokens: 4, costUsd: 0.1 }, index: 0 }],
      },
    ]);
  });

  it("keeps a retried step's start, and starts a resumed approval again", () => {
    const retried = mergeLiveSteps([], [
      event("node.started", "http", 100, { stepSeq: 1, attempt: 1, scope: [] }),
      event("node.retrying", "http", 150, { stepSeq: 1, attempt: 2, delayMs: 10 }),
      event("node.started", "http", 160, { stepSeq: 1, attempt: 2, scope: [] }),
    ]);
    expect(retried[0]).toMatchObject({ status: "running", startedAt: 100, attempt: 2 });

    const waiting = record({ seq: 2, nodeId: "gate", status: "waiting" });
    expect(mergeLiveSteps([waiting], [])[0]).toMatchObject({ status: "waiting", finishedAt: undefined });
    const resumed = mergeLiveSteps([waiting], [event("node.started", "gate", 900, { stepSeq: 2, attempt: 1, scope: [] }), event("node.waiting", "gate", 901, { stepSeq: 2, kind: "approval" }), event("node.started", "gate", 5_000, { stepSeq: 2, attempt: 1, scope: [] })]);
    expect(resumed[0]).toMatchObject({ status: "running", startedAt: 5_000 });
  });

  it("ends steps the run cut off: cancelled with a cancelled run, but a parked step stays waiting", () => {
    const events = [event("node.started", "slow", 100, { stepSeq: 1, attempt: 1, scope: [] }), event("node.started", "fast", 120, { stepSeq: 2, attempt: 1, scope: [] })];
    const steps = mergeLiveSteps([record({ seq: 3, nodeId: "gate", status: "waiting" })], events, { status: "cancelled", at: 400 });
    expect(steps.map((step) => [step.seq, step.status, step.finishedAt])).toEqual([[1, "cancelled", 400], [2, "cancelled", 400], [3, "waiting", undefined]]);
  });

  it("counts calls made live apart from calls a replay served from its source's record", () => {
    const served = { now: [], random: [], calls: [{ callId: "c1", nodeId: "model", kind: "model", operation: "chat", startedAt: 10, finishedAt: 20 }, { callId: "c2", nodeId: "t", kind: "tool", operation: "t", startedAt: 21, finishedAt: 30 }] };
    const live = { now: [], random: [], calls: [{ callId: "c3", nodeId: "model", kind: "model", operation: "chat", startedAt: 1_001, finishedAt: 1_004 }] };
    const steps = mergeLiveSteps([record({ seq: 1, nodeId: "a", effects: served }), record({ seq: 2, nodeId: "b", effects: live })], []);
    expect(countCalls(steps)).toEqual({ live: { model: 1, tool: 0, memory: 0 }, fromRecord: { model: 1, tool: 1, memory: 0 } });
  });
});
