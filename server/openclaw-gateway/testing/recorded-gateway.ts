// A test double of an OpenClaw gateway that speaks protocol v4 from frames recorded off a real gateway
// (fixtures/*.json, recorded with `openclaw@2026.9.6`; see fixtures/README.md). It checks the connect request the way
// the gateway does (role, scopes, caps, token, the Ed25519 signature over the v3 payload with its own nonce), answers
// agents.list, sessions.list and chat.history, and plays a recorded run's `agent`/`chat` events after chat.send,
// with the run id the client chose. Tests can drop frames (a seq gap), pause a run, and cut connections.
import { createHash, createPublicKey, randomUUID, verify } from "node:crypto";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { buildDeviceAuthPayloadV3 } from "../device-identity";
import { textOfMessage } from "../gateway-protocol";

export type TRecordedFrame = { event: string; payload: Record<string, unknown> };
export type TRecordedRun = { runId: string; sessionKey: string; events: TRecordedFrame[]; history: Record<string, unknown> };
export type TRecording = { hello: Record<string, unknown>; agentsList: unknown; sessionsList: unknown; runs: Record<string, TRecordedRun> };

type TPlayback = { recorded: TRecordedRun; runId: string; sessionKey: string; next: number; text: string; isDone: boolean };

export async function startRecordedGateway(options: { recording: TRecording; token: string; runFor: (message: string) => string; frameDelayMs?: number; tickIntervalMs?: number }) {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const sockets = new Set<WebSocket>();
  const requests: { method: string; params: Record<string, unknown> }[] = [];
  const connectParams: Record<string, unknown>[] = [];
  let current: { socket: WebSocket; seq: number } | undefined;
  let playback: TPlayback | undefined;
  let framesToDrop = 0;
  let pauseAt: number | undefined;
  let onPaused: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;

  function emit(event: string, payload: unknown): void {
    if (!current) return;
    current.seq += 1;
    if (framesToDrop > 0) {
      framesToDrop -= 1;
      return;
    }
    current.socket.send(JSON.stringify({ type: "event", event, payload, seq: current.seq }));
  }

  /** The recorded run's frames get the client's run id and session; a sub-agent's frames keep their own. */
  function rewrite(frame: TRecordedFrame, run: TPlayback): Record<string, unknown> {
    if (frame.payload.runId !== run.recorded.runId) return frame.payload;
    return { ...frame.payload, runId: run.runId, sessionKey: run.sessionKey };
  }

  function step(): void {
    const run = playback;
    if (!run || run.isDone || !current) return;
    if (pauseAt !== undefined && run.next >= pauseAt) {
      pauseAt = undefined;
      onPaused?.();
      return;
    }
    const frame = run.recorded.events[run.next];
    if (!frame) {
      run.isDone = true;
      return;
    }
    run.next += 1;
    if (frame.event === "agent" && frame.payload.stream === "assistant") run.text = String((frame.payload.data as { text?: unknown }).text ?? run.text);
    emit(frame.event, rewrite(frame, run));
    timer = setTimeout(step, options.frameDelayMs ?? 5);
  }

  function answer(socket: WebSocket, id: string, payload: unknown): void {
    socket.send(JSON.stringify({ type: "res", id, ok: true, payload }));
  }

  function refuse(socket: WebSocket, id: string, code: string, message: string, details?: Record<string, unknown>): void {
    socket.send(JSON.stringify({ type: "res", id, ok: false, error: { code, message, ...(details ? { details } : {}) } }));
  }

  function history(): Record<string, unknown> {
    const run = playback;
    if (!run) return { messages: [], sessionInfo: { hasActiveRun: false, activeRunIds: [] } };
    if (!run.isDone) {
      const recordedUser = (run.recorded.history.messages as unknown[]).slice(0, 1);
      return { ...run.recorded.history, messages: recordedUser, inFlightRun: { runId: run.runId, text: run.text }, sessionInfo: { hasActiveRun: true, activeRunIds: [run.runId] } };
    }
    return { ...run.recorded.history, sessionInfo: { hasActiveRun: false, activeRunIds: [] } };
  }

  function checkConnect(params: Record<string, unknown>, nonce: string): { code: string; message: string; details?: Record<string, unknown> } | undefined {
    const scopes = params.scopes as string[] | undefined;
    const auth = params.auth as { token?: string } | undefined;
    const device = params.device as { id: string; publicKey: string; signature: string; signedAt: number; nonce: string } | undefined;
    const client = params.client as { id: string; mode: string; platform: string; deviceFamily?: string };
    if (Number(params.minProtocol) > 4 || Number(params.maxProtocol) < 4) return { code: "INVALID_REQUEST", message: "protocol mismatch", details: { code: "PROTOCOL_MISMATCH", expectedProtocol: 4 } };
    if (params.role !== "operator" || !scopes?.includes("operator.read") || !scopes.includes("operator.write")) return { code: "INVALID_REQUEST", message: "operator read/write expected" };
    if (auth?.token !== options.token) return { code: "INVALID_REQUEST", message: "unauthorized: gateway token mismatch", details: { code: "AUTH_TOKEN_MISMATCH" } };
    if (!device || device.nonce !== nonce) return { code: "INVALID_REQUEST", message: "device nonce mismatch", details: { code: "DEVICE_AUTH_NONCE_MISMATCH" } };
    const raw = Buffer.from(device.publicKey, "base64url");
    if (createHash("sha256").update(raw).digest("hex") !== device.id) return { code: "INVALID_REQUEST", message: "device identity mismatch", details: { code: "DEVICE_AUTH_DEVICE_ID_MISMATCH" } };
    const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: device.publicKey }, format: "jwk" });
    const payload = buildDeviceAuthPayloadV3(device.id, { clientId: client.id, clientMode: client.mode, role: "operator", scopes: scopes, signedAtMs: device.signedAt, token: auth.token, nonce, platform: client.platform, deviceFamily: client.deviceFamily });
    if (!verify(null, Buffer.from(payload), key, Buffer.from(device.signature, "base64url"))) return { code: "INVALID_REQUEST", message: "device signature invalid", details: { code: "DEVICE_AUTH_SIGNATURE_INVALID" } };
    return undefined;
  }

  server.on("connection", (socket) => {
    sockets.add(socket);
    const nonce = randomUUID();
    let isConnected = false;
    socket.send(JSON.stringify({ type: "event", event: "connect.challenge", payload: { nonce, ts: Date.now() } }));
    socket.on("close", () => {
      sockets.delete(socket);
      if (current?.socket === socket) current = undefined;
    });
    socket.on("message", (data) => {
      const frame = JSON.parse(data.toString()) as { type: string; id: string; method: string; params: Record<string, unknown> };
      if (frame.type !== "req") return;
      if (!isConnected) {
        if (frame.method !== "connect") return socket.close(1008, "connect first");
        connectParams.push(frame.params);
        const problem = checkConnect(frame.params, nonce);
        if (problem) return refuse(socket, frame.id, problem.code, problem.message, problem.details);
        isConnected = true;
        current = { socket, seq: 0 };
        const hello = { ...options.recording.hello, policy: { ...(options.recording.hello.policy as object), tickIntervalMs: options.tickIntervalMs ?? 15_000 } };
        return answer(socket, frame.id, hello);
      }
      requests.push({ method: frame.method, params: frame.params });
      if (frame.method === "agents.list") return answer(socket, frame.id, options.recording.agentsList);
      if (frame.method === "sessions.list") return answer(socket, frame.id, options.recording.sessionsList);
      if (frame.method === "chat.history") return answer(socket, frame.id, history());
      if (frame.method === "chat.send") {
        const recorded = options.recording.runs[options.runFor(String(frame.params.message))];
        if (!recorded) return refuse(socket, frame.id, "INVALID_REQUEST", "no recorded run for this message");
        playback = { recorded, runId: String(frame.params.idempotencyKey), sessionKey: String(frame.params.sessionKey), next: 0, text: "", isDone: false };
        answer(socket, frame.id, { runId: playback.runId, status: "started" });
        timer = setTimeout(step, options.frameDelayMs ?? 5);
        return;
      }
      refuse(socket, frame.id, "INVALID_REQUEST", `unknown method ${frame.method}`);
    });
  });

  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    requests,
    connectParams,
    get connectionCount(): number {
      return connectParams.length;
    },
    /** The next `count` event frames are not sent; their seq numbers are used all the same (a gap). */
    dropFrames(count: number): void {
      framesToDrop = count;
    },
    /** Playback stops before recorded frame `index` and resolves; `resume` goes on (on the connection of the moment). */
    pauseBefore(index: number): Promise<void> {
      pauseAt = index;
      return new Promise((resolve) => (onPaused = resolve));
    },
    resume(): void {
      timer = setTimeout(step, options.frameDelayMs ?? 5);
    },
    /** Plays the rest of the run with nobody listening (the studio is gone): the run ends on the gateway. */
    finishSilently(): void {
      const run = playback;
      if (!run) return;
      for (const frame of run.recorded.events.slice(run.next)) {
        if (frame.event === "agent" && frame.payload.stream === "assistant") run.text = String((frame.payload.data as { text?: unknown }).text ?? run.text);
      }
      run.next = run.recorded.events.length;
      run.isDone = true;
    },
    /** Cuts every connection as a network failure would (no close frame). */
    cutConnections(): void {
      for (const socket of sockets) socket.terminate();
    },
    finalText(runName: string): string {
      const messages = options.recording.runs[runName]!.history.messages as unknown[];
      return textOfMessage(messages[messages.length - 1]);
    },
    async close(): Promise<void> {
      clearTimeout(timer);
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type TRecordedGateway = Awaited<ReturnType<typeof startRecordedGateway>>;
