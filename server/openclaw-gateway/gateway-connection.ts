// One operator connection to an OpenClaw gateway: the challenge-signed handshake, requests matched to responses,
// events handed on, a tick watchdog, and reconnection with backoff once a connection that worked drops.
import { randomUUID } from "node:crypto";
import type WebSocket from "ws";
import { signDeviceAuth, type TDeviceIdentity } from "./device-identity";
import {
  GATEWAY_PROTOCOL_VERSION,
  OPERATOR_SCOPES,
  STUDIO_CLIENT_CAPS,
  STUDIO_GATEWAY_CLIENT,
  ZConnectChallenge,
  ZGatewayFrame,
  ZHelloOk,
  type TGatewayError,
  type THelloOk,
} from "./gateway-protocol";

export type TConnectionState = "connecting" | "connected" | "reconnecting" | "closed";

export class GatewayRequestError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  readonly isRetryable: boolean;
  constructor(method: string, error: TGatewayError) {
    super(`${method}: ${error.message} (${error.code}${typeof error.details?.code === "string" ? ` ${error.details.code}` : ""})`);
    this.name = "GatewayRequestError";
    this.code = error.code;
    this.details = error.details;
    this.isRetryable = error.retryable === true || error.code === "UNAVAILABLE";
  }
}

export type TGatewayConnectionOptions = {
  url: string;
  token: string;
  identity: TDeviceIdentity;
  studioVersion: string;
  /** Opens the socket through the egress guard (open-gateway-socket.ts), paused until the handshake listens. */
  openSocket: () => Promise<WebSocket>;
  onEvent: (event: string, payload: unknown, frameSeq: number | undefined) => void;
  onState: (state: TConnectionState, detail: string | undefined) => void;
  /** After a reconnect's handshake: the caller re-reads what it may have missed (chat.history). */
  onReconnected: (hello: THelloOk) => void;
  /**
   * Event frames carry the connection's broadcast seq, one by one; a jump means frames were dropped (the gateway drops
   * events for a slow consumer), so what they said must be re-read. (A run's own `payload.seq` jumps normally: the
   * gateway coalesces assistant deltas.)
   */
  onGap: (expected: number, received: number) => void;
  reconnect?: { initialMs: number; maxMs: number };
  requestTimeoutMs?: number;
  handshakeTimeoutMs?: number;
};

type TPending = { method: string; resolve: (payload: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

// packages/gateway-client defaults (docs/gateway/protocol/versioning.md).
const DEFAULT_RECONNECT = { initialMs: 1_000, maxMs: 30_000 };
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const DEFAULT_HANDSHAKE_TIMEOUT_MS = 15_000;
/** Closed by the watchdog: the gateway was silent for two tick intervals. */
const TICK_TIMEOUT_CLOSE = 4000;

export function createGatewayConnection(options: TGatewayConnectionOptions) {
  const reconnect = options.reconnect ?? DEFAULT_RECONNECT;
  const pending = new Map<string, TPending>();
  let socket: WebSocket | undefined;
  let isClosed = false;
  let attempt = 0;
  let hello: THelloOk | undefined;
  let watchdog: NodeJS.Timeout | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let lastFrameAt = Date.now();
  let lastEventSeq: number | undefined;

  function setState(state: TConnectionState, detail?: string): void {
    options.onState(state, detail);
  }

  function send(frame: Record<string, unknown>): void {
    socket?.send(JSON.stringify(frame));
  }

  function request(method: string, params: Record<string, unknown>, timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS): Promise<unknown> {
    if (!socket || socket.readyState !== 1 || (!hello && method !== "connect")) {
      return Promise.reject(new Error(`Not connected to the gateway (${method} was not sent)`));
    }
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`The gateway did not answer ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, { method, resolve, reject, timer });
      send({ type: "req", id, method, params });
    });
  }

  function failPending(reason: string): void {
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer);
      entry.reject(new Error(`${entry.method}: ${reason}`));
      pending.delete(id);
    }
  }

  function onFrame(raw: WebSocket.RawData): void {
    lastFrameAt = Date.now();
    let parsed;
    try {
      parsed = ZGatewayFrame.safeParse(JSON.parse(raw.toString()));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const frame = parsed.data;
    if (frame.type === "res") {
      const entry = pending.get(frame.id);
      if (!entry) return;
      pending.delete(frame.id);
      clearTimeout(entry.timer);
      if (frame.ok) entry.resolve(frame.payload);
      else entry.reject(new GatewayRequestError(entry.method, frame.error ?? { code: "UNKNOWN", message: "request failed" }));
    } else if (frame.type === "event" && hello) {
      if (frame.seq !== undefined) {
        if (lastEventSeq !== undefined && frame.seq <= lastEventSeq) return;
        const expected = lastEventSeq === undefined ? undefined : lastEventSeq + 1;
        lastEventSeq = frame.seq;
        if (expected !== undefined && frame.seq > expected) options.onGap(expected, frame.seq);
      }
      options.onEvent(frame.event, frame.payload, frame.seq);
    }
  }

  /** Opens a socket and completes the handshake: connect.challenge, then `connect` signed with the device key. */
  async function handshake(): Promise<THelloOk> {
    const opened = await options.openSocket();
    socket = opened;
    hello = undefined;
    lastEventSeq = undefined;
    const challenge = await new Promise<{ nonce: string; ts: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The gateway sent no connect.challenge within ${options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS} ms`)), options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS);
      const onMessage = (raw: WebSocket.RawData) => {
        const frame = ZGatewayFrame.safeParse(safeJson(raw.toString()));
        if (!frame.success || frame.data.type !== "event" || frame.data.event !== "connect.challenge") return;
        clearTimeout(timer);
        opened.off("message", onMessage);
        const payload = ZConnectChallenge.safeParse(frame.data.payload);
        if (payload.success) resolve(payload.data);
        else reject(new Error("The gateway's connect.challenge has no valid nonce and ts"));
      };
      opened.on("message", onMessage);
      opened.once("close", (code, reason) => {
        clearTimeout(timer);
        reject(new Error(`The gateway closed the connection during the handshake (${code}${reason.length ? ` ${reason.toString()}` : ""})`));
      });
      opened.resume();
    });
    opened.on("message", onFrame);
    const platform = process.platform;
    const device = signDeviceAuth(options.identity, {
      clientId: STUDIO_GATEWAY_CLIENT.id,
      clientMode: STUDIO_GATEWAY_CLIENT.mode,
      role: "operator",
      scopes: OPERATOR_SCOPES,
      signedAtMs: challenge.ts,
      token: options.token,
      nonce: challenge.nonce,
      platform,
    });
    const payload = await request("connect", {
      minProtocol: GATEWAY_PROTOCOL_VERSION,
      maxProtocol: GATEWAY_PROTOCOL_VERSION,
      client: { id: STUDIO_GATEWAY_CLIENT.id, displayName: STUDIO_GATEWAY_CLIENT.displayName, version: options.studioVersion, platform, mode: STUDIO_GATEWAY_CLIENT.mode },
      role: "operator",
      scopes: [...OPERATOR_SCOPES],
      caps: [...STUDIO_CLIENT_CAPS],
      auth: { token: options.token },
      userAgent: `openclaw-studio/${options.studioVersion}`,
      device,
    }, options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS);
    const parsed = ZHelloOk.safeParse(payload);
    if (!parsed.success) throw new Error("The gateway's answer to connect is not a hello-ok");
    if (parsed.data.protocol !== GATEWAY_PROTOCOL_VERSION) throw new Error(`The gateway speaks protocol ${parsed.data.protocol}; the studio speaks ${GATEWAY_PROTOCOL_VERSION}`);
    hello = parsed.data;
    lastFrameAt = Date.now();
    armWatchdog(hello.policy.tickIntervalMs);
    opened.once("close", (code, reason) => onDrop(`connection closed (${code}${reason.length ? ` ${reason.toString()}` : ""})`));
    opened.on("error", () => {});
    return hello;
  }

  function armWatchdog(tickIntervalMs: number): void {
    clearInterval(watchdog);
    watchdog = setInterval(() => {
      if (Date.now() - lastFrameAt > tickIntervalMs * 2) socket?.close(TICK_TIMEOUT_CLOSE, "tick timeout");
    }, Math.min(tickIntervalMs, 5_000));
  }

  function onDrop(reason: string): void {
    clearInterval(watchdog);
    hello = undefined;
    failPending(reason);
    if (isClosed) return;
    setState("reconnecting", reason);
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    const base = Math.min(reconnect.maxMs, reconnect.initialMs * 2 ** attempt);
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    attempt += 1;
    retryTimer = setTimeout(() => {
      handshake().then(
        (ok) => {
          attempt = 0;
          setState("connected", undefined);
          options.onReconnected(ok);
        },
        (error: Error) => {
          socket?.terminate();
          if (isClosed) return;
          // A refusal the gateway calls final (a wrong token, a device awaiting approval) will not heal by retrying.
          if (error instanceof GatewayRequestError && !error.isRetryable) {
            isClosed = true;
            setState("closed", error.message);
            return;
          }
          setState("reconnecting", error.message);
          scheduleReconnect();
        },
      );
    }, delay);
  }

  return {
    /** The first connection: its failure is the caller's to show (no retry: the URL, token or pairing is wrong). */
    async start(): Promise<THelloOk> {
      setState("connecting", undefined);
      try {
        const ok = await handshake();
        setState("connected", undefined);
        return ok;
      } catch (error) {
        socket?.terminate();
        isClosed = true;
        setState("closed", (error as Error).message);
        throw error;
      }
    },
    request,
    get hello(): THelloOk | undefined {
      return hello;
    },
    close(): void {
      isClosed = true;
      clearTimeout(retryTimer);
      clearInterval(watchdog);
      failPending("the studio closed the connection");
      socket?.close(1000, "closed by the studio");
      setState("closed", "closed by the studio");
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type TGatewayConnection = ReturnType<typeof createGatewayConnection>;
