// Gateway events -> studio runs. A root gateway run (one the studio started, or one a channel started that this
// connection sees) becomes one studio run on the imported graph; its sub-agents' runs become steps of their agents'
// nodes in the same studio run, and the spawn lights the delegation edge. Tool start/result become calls under the
// agent's step. A gap in the connection's event seq (frames dropped) or a reconnect reloads each open run's session
// from chat.history (docs/gateway/clients.md "Recover state after reconnect"); a run's own seq only drops repeats.
import { GATEWAY_RUN_TRIGGER } from "@/lib/runs/run-triggers";
import type { TGatewayGraphTargets } from "@/lib/openclaw-config";
import type { TGraphSpec } from "@/lib/graph";
import type { TDb } from "../db/client";
import { insertRun } from "../db/insert-run";
import type { Prisma } from "../db/generated/client";
import type { TSeqEvent } from "../runtime/run-store";
import { agentIdOfSessionKey, textOfMessage, type TAgentEvent, type TChatEvent } from "./gateway-protocol";
import { readChatHistory, type TChatHistory } from "./read-chat-history";
import { createRecordedRun, type TRecordedRun, type TStepRecord } from "./recorded-run";

/** How long a recording stays the recorder's without a heartbeat; the sweep ends it after that (end-abandoned-gateway-runs.ts). */
export const RECORDING_LEASE_MS = 30_000;
const MAX_REMEMBERED_ENDED_RUNS = 1_000;

type TTrack = {
  gatewayRunId: string;
  sessionKey: string;
  agentId: string;
  run: TRecordedRun;
  isRoot: boolean;
  step: TStepRecord;
  text: string;
  hasAssistantStream: boolean;
  lastSeq: number | undefined;
  finalText: string | undefined;
  tools: Map<string, { step: TStepRecord; nodeId: string; name: string }>;
  isDone: boolean;
};

export type TRecorderOptions = {
  db: TDb;
  workspaceId: string;
  graphId: string;
  spec: TGraphSpec;
  targets: TGatewayGraphTargets;
  actorId: string;
  leaseOwner: string;
  publish: (event: TSeqEvent) => void;
  request: (method: string, params: Record<string, unknown>) => Promise<unknown>;
  onError: (error: unknown, context: string) => void;
};

export function createGatewayRunRecorder(options: TRecorderOptions) {
  const { db, targets } = options;
  const tracks = new Map<string, TTrack>();
  /** Sends the studio made and whose gateway run id is not known yet, by session key. */
  const awaiting = new Map<string, Promise<TRecordedRun>>();
  const rootBySession = new Map<string, TTrack>();
  const openRuns = new Set<TRecordedRun>();
  /** Gateway runs already ended here: their late events (chat `final` follows lifecycle `end`) start nothing new. */
  const endedRunIds = new Set<string>();
  /** Every run this recorder wrote, for `flushed` (tests and shutdown wait for their writes). */
  const writtenRuns = new Set<TRecordedRun>();

  async function createStudioRun(input: Record<string, unknown>): Promise<TRecordedRun> {
    const leaseExpiresAt = new Date(Date.now() + RECORDING_LEASE_MS);
    const row = await insertRun(
      db,
      {
        workspaceId: options.workspaceId,
        graphId: options.graphId,
        spec: options.spec as unknown as Prisma.InputJsonValue,
        status: "running",
        trigger: GATEWAY_RUN_TRIGGER,
        input: input as Prisma.InputJsonValue,
        createdById: options.actorId,
        startedAt: new Date(),
        leaseOwner: options.leaseOwner,
        leaseExpiresAt,
        heartbeatAt: new Date(),
      },
      { id: true },
    );
    const run = createRecordedRun({ db, runId: row.id, publish: options.publish, onError: (error) => options.onError(error, "write gateway run") });
    openRuns.add(run);
    writtenRuns.add(run);
    run.emit("run.started", null, { isResumed: false, traceId: "", parentSpanId: null });
    return run;
  }

  function openTrack(run: TRecordedRun, event: { runId: string; sessionKey: string; agentId: string }, isRoot: boolean, input: unknown): TTrack {
    const nodeId = targets.agentNodeId(event.agentId);
    const step = run.startStep(nodeId, null, input);
    const track: TTrack = { gatewayRunId: event.runId, sessionKey: event.sessionKey, agentId: event.agentId, run, isRoot, step, text: "", hasAssistantStream: false, lastSeq: undefined, finalText: undefined, tools: new Map(), isDone: false };
    tracks.set(event.runId, track);
    if (isRoot) rootBySession.set(event.sessionKey, track);
    run.emit("node.created", nodeId, {});
    run.emit("node.started", nodeId, { stepSeq: step.seq, attempt: 1, scope: [], nodeType: "openclaw-config/agent" });
    return track;
  }

  /** The track of an event's gateway run: known, a studio send's, a sub-agent of a recorded run, or a new root. */
  async function trackOf(event: { runId: string; sessionKey?: string; agentId?: string; spawnedBy?: string }): Promise<TTrack | undefined> {
    const known = tracks.get(event.runId);
    if (known) return known;
    if (endedRunIds.has(event.runId)) return undefined;
    const sessionKey = event.sessionKey;
    const agentId = event.agentId ?? agentIdOfSessionKey(sessionKey);
    if (!sessionKey || !agentId) return undefined;
    const parent = event.spawnedBy ? rootBySession.get(event.spawnedBy) ?? [...tracks.values()].find((track) => track.sessionKey === event.spawnedBy) : undefined;
    if (parent && !parent.run.isEnded) {
      const track = openTrack(parent.run, { runId: event.runId, sessionKey, agentId }, false, { sessionKey, spawnedBy: event.spawnedBy });
      const fromNodeId = targets.agentNodeId(parent.agentId);
      parent.run.emit("agent.delegated", fromNodeId, { edgeId: targets.delegationEdgeId(parent.agentId, agentId) ?? null, fromNodeId, toNodeId: track.step.nodeId });
      return track;
    }
    const pending = awaiting.get(sessionKey);
    if (pending) {
      awaiting.delete(sessionKey);
      const run = await pending;
      return tracks.get(event.runId) ?? openTrack(run, { runId: event.runId, sessionKey, agentId }, true, { sessionKey, agentId });
    }
    if (event.spawnedBy) return undefined;
    const run = await createStudioRun({ sessionKey, agentId, gatewayRunId: event.runId, startedBy: "gateway" });
    return tracks.get(event.runId) ?? openTrack(run, { runId: event.runId, sessionKey, agentId }, true, { sessionKey, agentId });
  }

  function appendText(track: TTrack, delta: string): void {
    if (!delta) return;
    track.text += delta;
    track.run.emit("node.output_chunk", track.step.nodeId, { stepSeq: track.step.seq, chunk: delta });
  }

  function replaceText(track: TTrack, text: string, reason: string): void {
    track.text = text;
    track.run.emit("node.output_replaced", track.step.nodeId, { stepSeq: track.step.seq, text, reason });
  }

  function finishTrack(track: TTrack, outcome: { status: "succeeded" | "failed" | "cancelled"; error?: { code: string; message: string }; note?: string }): void {
    if (track.isDone) return;
    track.isDone = true;
    for (const tool of track.tools.values()) {
      track.run.finishStep(tool.step, { status: "cancelled", error: { code: "GATEWAY_TOOL_UNFINISHED", message: "The agent's run ended before this tool reported a result" } });
    }
    track.tools.clear();
    const text = track.finalText ?? track.text;
    const output = { text, ...(outcome.note ? { note: outcome.note } : {}) };
    const { nodeId } = track.step;
    track.run.finishStep(track.step, { status: outcome.status, output, error: outcome.error });
    if (outcome.status === "succeeded") track.run.emit("node.completed", nodeId, { stepSeq: track.step.seq, durationMs: Date.now() - track.step.startedAt.getTime(), ports: [] });
    else track.run.emit("node.failed", nodeId, { stepSeq: track.step.seq, error: outcome.error ?? { code: "GATEWAY_RUN_FAILED", message: outcome.status } });
    track.run.emit("node.retired", nodeId, { activations: 1 });
    if (track.isRoot) {
      track.run.end({ status: outcome.status, output: outcome.status === "succeeded" ? output : undefined, error: outcome.error });
      openRuns.delete(track.run);
      rootBySession.delete(track.sessionKey);
    }
    tracks.delete(track.gatewayRunId);
    endedRunIds.add(track.gatewayRunId);
    if (endedRunIds.size > MAX_REMEMBERED_ENDED_RUNS) endedRunIds.delete(endedRunIds.values().next().value!);
  }

  async function onAgentEvent(event: TAgentEvent): Promise<void> {
    const track = await trackOf(event);
    if (!track || track.isDone) return;
    // A run's seq is not contiguous on the wire (the gateway coalesces assistant deltas): only an old one is dropped.
    if (event.seq !== undefined) {
      if (track.lastSeq !== undefined && event.seq <= track.lastSeq) return;
      track.lastSeq = event.seq;
    }
    const data = event.data;
    switch (event.stream) {
      case "lifecycle":
        if (data.phase === "end") finishTrack(track, { status: data.aborted === true ? "cancelled" : "succeeded" });
        else if (data.phase === "error") finishTrack(track, { status: "failed", error: { code: "GATEWAY_RUN_FAILED", message: String(data.error ?? data.message ?? "the agent's run failed on the gateway") } });
        break;
      case "assistant": {
        track.hasAssistantStream = true;
        const delta = typeof data.delta === "string" ? data.delta : "";
        // `text` is the cumulative snapshot: when the delta does not extend what we hold, the snapshot wins.
        if (typeof data.text === "string" && (data.replace === true || data.text !== track.text + delta)) replaceText(track, data.text, "the gateway replaced the assistant text");
        else appendText(track, delta);
        break;
      }
      case "tool":
        onToolEvent(track, data);
        break;
      case "error":
        if (data.reason === "seq gap") await reload(track, `the gateway reported a gap (expected seq ${String(data.expected)}, got ${String(data.received)})`);
        break;
      default:
        break;
    }
  }

  function onToolEvent(track: TTrack, data: Record<string, unknown>): void {
    const toolCallId = typeof data.toolCallId === "string" ? data.toolCallId : undefined;
    const name = typeof data.name === "string" ? data.name : "tool";
    if (!toolCallId) return;
    const callerNodeId = track.step.nodeId;
    if (data.phase === "start" && !track.tools.has(toolCallId)) {
      const nodeId = targets.toolNodeId(name) ?? callerNodeId;
      const step = track.run.startStep(nodeId, track.step.id, data.args ?? {});
      track.tools.set(toolCallId, { step, nodeId, name });
      track.run.emit("node.call_started", nodeId, { stepSeq: track.step.seq, callId: toolCallId, callerNodeId, nodeType: "openclaw/tool", kind: "tool", operation: name, input: data.args });
    } else if (data.phase === "result") {
      const tool = track.tools.get(toolCallId);
      if (!tool) return;
      track.tools.delete(toolCallId);
      const ok = data.isError !== true;
      const error = ok ? undefined : { code: "GATEWAY_TOOL_ERROR", message: typeof data.toolErrorSummary === "string" ? data.toolErrorSummary : `${name} failed` };
      track.run.finishStep(tool.step, { status: ok ? "succeeded" : "failed", output: data.result ?? null, error });
      track.run.emit("node.call_finished", tool.nodeId, {
        stepSeq: track.step.seq, callId: toolCallId, callerNodeId, nodeType: "openclaw/tool", kind: "tool", operation: name, ok, durationMs: Date.now() - tool.step.startedAt.getTime(), output: data.result, error,
      });
    }
  }

  async function onChatEvent(event: TChatEvent): Promise<void> {
    const track = await trackOf(event);
    if (!track || track.isDone) return;
    if (event.state === "delta" && !track.hasAssistantStream) {
      if (event.replace) replaceText(track, event.deltaText ?? "", "the gateway replaced the assistant text");
      else appendText(track, event.deltaText ?? "");
    } else if (event.state === "final") {
      track.finalText = textOfMessage(event.message) || track.text;
      if (track.finalText !== track.text) replaceText(track, track.finalText, "the final message");
      finishTrack(track, { status: "succeeded" });
    } else if (event.state === "error") {
      finishTrack(track, { status: "failed", error: { code: "GATEWAY_RUN_FAILED", message: event.errorMessage ?? "the agent's run failed on the gateway" } });
    } else if (event.state === "aborted") {
      finishTrack(track, { status: "cancelled", error: { code: "GATEWAY_RUN_ABORTED", message: event.errorMessage ?? "aborted on the gateway" } });
    }
  }

  /** The authoritative text from chat.history: the in-flight run's buffer, or the run ended and its reply is the last one. */
  async function reload(track: TTrack, reason: string): Promise<void> {
    track.run.emit("node.log", track.step.nodeId, { stepSeq: track.step.seq, level: "warn", message: `Reloading chat.history: ${reason}` });
    let history: TChatHistory;
    try {
      history = await readChatHistory(options.request, track.sessionKey);
    } catch (error) {
      track.run.emit("node.log", track.step.nodeId, { stepSeq: track.step.seq, level: "error", message: `chat.history failed: ${(error as Error).message}` });
      return;
    }
    if (history.inFlightRun?.runId === track.gatewayRunId) {
      replaceText(track, history.inFlightRun.text, `chat.history after: ${reason}`);
      return;
    }
    if (history.lastAssistantText !== undefined) replaceText(track, history.lastAssistantText, `chat.history after: ${reason}`);
    if (!history.activeRunIds || !history.activeRunIds.includes(track.gatewayRunId)) {
      track.finalText = history.lastAssistantText ?? track.text;
      finishTrack(track, { status: "succeeded", note: "ended while the studio was not receiving its events; output from chat.history" });
    }
  }

  return {
    /** A message the studio sends: its studio run exists before the gateway answers, so the canvas can follow it. */
    async beginSend(input: { sessionKey: string; agentId: string; message: string }): Promise<TRecordedRun> {
      const pending = createStudioRun({ ...input, startedBy: "studio" });
      awaiting.set(input.sessionKey, pending);
      return pending;
    },
    /** The send was refused: its studio run ends with the gateway's words. */
    failSend(sessionKey: string, run: TRecordedRun, error: Error): void {
      if (awaiting.get(sessionKey)) awaiting.delete(sessionKey);
      run.end({ status: "failed", error: { code: "GATEWAY_SEND_REFUSED", message: error.message } });
      openRuns.delete(run);
    },
    /** The gateway's run id for a send, from its acknowledgement: events may still be on their way. */
    async bindSend(sessionKey: string, run: TRecordedRun, gatewayRunId: string, agentId: string, message: string): Promise<void> {
      if (tracks.has(gatewayRunId)) return;
      if (awaiting.get(sessionKey)) awaiting.delete(sessionKey);
      openTrack(run, { runId: gatewayRunId, sessionKey, agentId }, true, { sessionKey, agentId, message });
    },
    onEvent(name: string, payload: unknown, parse: { agent: (payload: unknown) => TAgentEvent | undefined; chat: (payload: unknown) => TChatEvent | undefined }): Promise<void> {
      if (name === "agent") {
        const event = parse.agent(payload);
        return event ? onAgentEvent(event) : Promise.resolve();
      }
      if (name === "chat") {
        const event = parse.chat(payload);
        return event ? onChatEvent(event) : Promise.resolve();
      }
      return Promise.resolve();
    },
    /** Frames were dropped: every open run re-reads its session's chat.history. */
    async onGap(expected: number, received: number): Promise<void> {
      for (const track of [...tracks.values()]) await reload(track, `gap in the gateway's event frames (expected seq ${expected}, got ${received})`);
    },
    /** After a reconnect: every open run is resumed from chat.history (or ended there, if it finished meanwhile). */
    async resync(): Promise<void> {
      for (const track of [...tracks.values()]) await reload(track, "the connection to the gateway was re-established");
    },
    /** Keeps the open recordings leased while this process records them. */
    async heartbeat(): Promise<void> {
      const ids = [...openRuns].filter((run) => !run.isEnded).map((run) => run.runId);
      if (ids.length === 0) return;
      await db.run.updateMany({ where: { id: { in: ids }, leaseOwner: options.leaseOwner }, data: { leaseExpiresAt: new Date(Date.now() + RECORDING_LEASE_MS), heartbeatAt: new Date() } });
    },
    /** The connection is gone for good: open runs end now, with the reason, rather than stay "running". */
    endAll(reason: string): void {
      for (const track of [...tracks.values()]) finishTrack(track, { status: "failed", error: { code: "GATEWAY_DISCONNECTED", message: reason } });
      for (const run of openRuns) run.end({ status: "failed", error: { code: "GATEWAY_DISCONNECTED", message: reason } });
      openRuns.clear();
      awaiting.clear();
    },
    async flushed(): Promise<void> {
      await Promise.all([...writtenRuns].map((run) => run.flushed()));
    },
    get openRunCount(): number {
      return openRuns.size;
    },
  };
}

export type TGatewayRunRecorder = ReturnType<typeof createGatewayRunRecorder>;
