// Folds a run's events into what the canvas shows per node and edge. Pure, so it is unit-tested and can be replayed
// over any prefix of the event list (a run page scrubbing through time).
import type { TRunStreamEvent } from "./use-run-events";

export type TNodeRunStatus = "queued" | "running" | "waiting" | "succeeded" | "failed" | "retrying" | "cancelled" | "skipped";

export type TNodeRunState = {
  status: TNodeRunStatus;
  startedAt?: number;
  finishedAt?: number;
  /** Streamed text (tokens) of the node's latest step. */
  text: string;
  /** Tool/model/memory calls this node is taking part in right now (as caller or as the called node). */
  activeCalls: number;
  calls: number;
  error?: string;
};

export type TRunCanvasState = {
  nodes: Record<string, TNodeRunState>;
  /** Messages delivered per edge, and the mailbox depth now (backpressure). */
  edges: Record<string, TEdgeRunState>;
  runStatus: "queued" | "running" | "waiting" | "succeeded" | "failed" | "cancelled";
};

export type TEdgeRunState = { delivered: number; depth: number; maxDepth: number };

/** The graph's edges, for counting deliveries: a completed node sent one message on each edge of each port it used. */
export type TEdgeEnds = readonly { id: string; source: { node: string; port: string } }[];

const MAX_TEXT = 4_000;

export function deriveRunCanvasState(events: readonly TRunStreamEvent[], graphEdges: TEdgeEnds = []): TRunCanvasState {
  return applyRunEvents(EMPTY_RUN_CANVAS_STATE, events, graphEdges);
}

export const EMPTY_RUN_CANVAS_STATE: TRunCanvasState = { nodes: {}, edges: {}, runStatus: "queued" };

/**
 * The state after `events`, copy-on-write: entries the events did not touch keep their identity, so a node or edge
 * subscribed to its own entry re-renders only when its entry changed.
 */
export function applyRunEvents(previous: TRunCanvasState, events: readonly TRunStreamEvent[], graphEdges: TEdgeEnds = []): TRunCanvasState {
  const state: TRunCanvasState = { nodes: { ...previous.nodes }, edges: { ...previous.edges }, runStatus: previous.runStatus };
  const touchedNodes = new Set<string>();
  const touchedEdges = new Set<string>();
  const node = (id: string): TNodeRunState => {
    if (!touchedNodes.has(id)) {
      touchedNodes.add(id);
      state.nodes[id] = { ...(state.nodes[id] ?? { status: "queued", text: "", activeCalls: 0, calls: 0 }) };
    }
    return state.nodes[id]!;
  };
  const edge = (id: string): TEdgeRunState => {
    if (!touchedEdges.has(id)) {
      touchedEdges.add(id);
      state.edges[id] = { ...(state.edges[id] ?? { delivered: 0, depth: 0, maxDepth: 0 }) };
    }
    return state.edges[id]!;
  };
  const edgesByPort = new Map<string, string[]>();
  for (const { id, source } of graphEdges) edgesByPort.set(`${source.node}:${source.port}`, [...(edgesByPort.get(`${source.node}:${source.port}`) ?? []), id]);
  for (const event of events) {
    const payload = event.payload as Record<string, unknown>;
    switch (event.type) {
      case "run.started":
        state.runStatus = "running";
        break;
      case "run.waiting":
        state.runStatus = "waiting";
        break;
      case "run.completed":
        state.runStatus = "succeeded";
        break;
      case "run.failed":
        state.runStatus = "failed";
        // Nodes still open when the run failed (a sibling failed, a budget or timeout stopped it) ended with it.
        for (const [id, entry] of Object.entries(state.nodes)) if (entry.status === "running" || entry.status === "queued" || entry.status === "waiting" || entry.status === "retrying") node(id).status = "cancelled";
        break;
      case "run.cancelled":
        state.runStatus = "cancelled";
        for (const [id, entry] of Object.entries(state.nodes)) if (entry.status === "running" || entry.status === "queued" || entry.status === "waiting") node(id).status = "cancelled";
        break;
      case "node.activated": {
        // Taken from the frontier, not yet running (waiting for an activation slot).
        const entry = node(event.nodeId!);
        if (entry.status !== "running") entry.status = "queued";
        break;
      }
      case "node.started": {
        const entry = node(event.nodeId!);
        entry.status = "running";
        entry.startedAt = event.ts;
        entry.finishedAt = undefined;
        entry.text = "";
        entry.error = undefined;
        break;
      }
      case "node.retrying":
        node(event.nodeId!).status = "retrying";
        break;
      case "node.waiting":
        node(event.nodeId!).status = "waiting";
        break;
      case "node.completed":
        Object.assign(node(event.nodeId!), { status: "succeeded", finishedAt: event.ts });
        for (const port of (payload.ports ?? []) as string[]) for (const edgeId of edgesByPort.get(`${event.nodeId}:${port}`) ?? []) edge(edgeId).delivered += 1;
        break;
      case "node.skipped":
        Object.assign(node(event.nodeId!), { status: "skipped", finishedAt: event.ts });
        break;
      case "node.failed":
        Object.assign(node(event.nodeId!), { status: "failed", finishedAt: event.ts, error: (payload.error as { message?: string } | undefined)?.message });
        break;
      case "node.output_chunk": {
        const entry = node(event.nodeId!);
        entry.text = (entry.text + String(payload.chunk ?? "")).slice(-MAX_TEXT);
        break;
      }
      case "node.call_started": {
        const called = node(event.nodeId!);
        called.activeCalls += 1;
        called.calls += 1;
        if (called.status === "queued") called.status = "running";
        break;
      }
      case "node.call_finished": {
        const called = node(event.nodeId!);
        called.activeCalls = Math.max(0, called.activeCalls - 1);
        if (called.activeCalls === 0 && called.status === "running") called.status = payload.ok === false ? "failed" : "succeeded";
        break;
      }
      case "node.output_replaced":
        node(event.nodeId!).text = String(payload.text ?? "").slice(-MAX_TEXT);
        break;
      case "agent.delegated":
        if (typeof payload.edgeId === "string") edge(payload.edgeId).delivered += 1;
        break;
      case "model.retry": {
        // The failed attempt's text, the tail of its caller's streamed text, is void: the next attempt starts over.
        if (typeof payload.callerNodeId !== "string") break;
        const caller = node(payload.callerNodeId);
        caller.text = caller.text.slice(0, Math.max(0, caller.text.length - Number(payload.discardedChars ?? 0)));
        break;
      }
      case "edge.depth":
        for (const [edgeId, depth] of Object.entries((payload.depths ?? {}) as Record<string, number>)) {
          const entry = edge(edgeId);
          entry.depth = depth;
          entry.maxDepth = Math.max(entry.maxDepth, depth);
        }
        break;
      default:
        break;
    }
  }
  return state;
}
