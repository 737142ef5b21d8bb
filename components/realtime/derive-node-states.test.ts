import { describe, expect, it } from "vitest";
import { applyRunEvents, deriveRunCanvasState } from "./derive-node-states";
import type { TRunStreamEvent } from "./use-run-events";

let seq = 0;
function event(type: string, nodeId: string | null, payload: object = {}, ts = seq * 10): TRunStreamEvent {
  seq += 1;
  return { runId: "r", seq, type, nodeId, payload, ts } as TRunStreamEvent;
}

const EDGES = [
  { id: "a-b", source: { node: "a", port: "out" } },
  { id: "a-c", source: { node: "a", port: "other" } },
];

describe("deriveRunCanvasState", () => {
  it("follows each node from running to its end, with streamed text and counted deliveries", () => {
    const state = deriveRunCanvasState(
      [
        event("run.started", null),
        event("node.started", "a", { stepSeq: 1 }),
        event("node.output_chunk", "a", { chunk: "Hel" }),
        event("node.output_chunk", "a", { chunk: "lo" }),
        event("node.completed", "a", { stepSeq: 1, ports: ["out"] }),
        event("edge.depth", null, { depths: { "a-b": 3 } }),
        event("edge.depth", null, { depths: { "a-b": 1 } }),
        event("node.started", "b", { stepSeq: 2 }),
        event("node.failed", "b", { stepSeq: 2, error: { message: "boom" } }),
        event("run.failed", null),
      ],
      EDGES,
    );
    expect(state.runStatus).toBe("failed");
    expect(state.nodes.a).toMatchObject({ status: "succeeded", text: "Hello" });
    expect(state.nodes.b).toMatchObject({ status: "failed", error: "boom" });
    expect(state.edges["a-b"]).toEqual({ delivered: 1, depth: 1, maxDepth: 3 });
    expect(state.edges["a-c"]).toBeUndefined();
  });

  it("replaces a recorded gateway agent's text after a gap and counts a sub-agent spawn on its delegation edge", () => {
    const state = deriveRunCanvasState([
      event("node.started", "main", { stepSeq: 1 }),
      event("node.output_chunk", "main", { stepSeq: 1, chunk: "Hel" }),
      event("node.output_replaced", "main", { stepSeq: 1, text: "Hello there", reason: "gap" }),
      event("node.output_chunk", "main", { stepSeq: 1, chunk: "!" }),
      event("agent.delegated", "main", { edgeId: "main-helper", fromNodeId: "main", toNodeId: "helper" }),
      event("agent.delegated", "main", { edgeId: null, fromNodeId: "main", toNodeId: "agent:ghost" }),
    ]);
    expect(state.nodes.main?.text).toBe("Hello there!");
    expect(state.edges).toEqual({ "main-helper": { delivered: 1, depth: 0, maxDepth: 0 } });
  });

  it("lights a tool while it is being called and counts its calls", () => {
    const during = [event("node.started", "agent"), event("node.call_started", "tool", { kind: "tool" })];
    expect(deriveRunCanvasState(during).nodes.tool).toMatchObject({ status: "running", activeCalls: 1, calls: 1 });
    const after = [...during, event("node.call_finished", "tool", { ok: true })];
    expect(deriveRunCanvasState(after).nodes.tool).toMatchObject({ status: "succeeded", activeCalls: 0, calls: 1 });
  });

  it("cuts a retried model call's failed attempt off its caller's streamed text, keeping the earlier turn's", () => {
    const retry = { stepSeq: 1, callId: "1.1", callerNodeId: "agent", kind: "model", operation: "complete", attempt: 2, delayMs: 10, error: { code: "ModelStreamCut", message: "cut" } };
    const before = deriveRunCanvasState([event("node.started", "agent"), event("node.output_chunk", "agent", { chunk: "Let me add. " }), event("node.output_chunk", "agent", { chunk: "I will " })]);
    const after = applyRunEvents(before, [event("model.retry", "model", { ...retry, discardedChars: "I will ".length })]);
    expect(after.nodes.agent!.text).toBe("Let me add. ");
    expect(applyRunEvents(after, [event("node.output_chunk", "agent", { chunk: "Five." })]).nodes.agent!.text).toBe("Let me add. Five.");
    expect(applyRunEvents(before, [event("model.retry", "model", { ...retry, discardedChars: 1_000 })]).nodes.agent!.text).toBe("");
  });

  it("keeps the identity of entries that new events did not touch", () => {
    const before = deriveRunCanvasState([event("node.started", "a"), event("node.started", "b")]);
    const after = applyRunEvents(before, [event("node.output_chunk", "b", { chunk: "x" })]);
    expect(after.nodes.a).toBe(before.nodes.a);
    expect(after.nodes.b).not.toBe(before.nodes.b);
    expect(before.nodes.b!.text).toBe("");
  });

  it("closes nodes still open when the run fails, and clears an old error when a node starts again", () => {
    const state = deriveRunCanvasState([event("node.started", "a"), event("node.failed", "a", { error: { message: "old" } }), event("node.started", "a"), event("node.started", "b"), event("run.failed", null)]);
    expect(state.nodes.a).toMatchObject({ status: "cancelled", error: undefined });
    expect(state.nodes.b!.status).toBe("cancelled");
  });

  it("marks unfinished nodes cancelled when the run is cancelled", () => {
    const state = deriveRunCanvasState([event("node.started", "slow"), event("run.cancelled", null)]);
    expect(state.nodes.slow!.status).toBe("cancelled");
  });
});
