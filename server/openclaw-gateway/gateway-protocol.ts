// The wire of an OpenClaw gateway (protocol v4), as its `openclaw` package defines it (docs/gateway/protocol/*.md and
// packages/gateway-protocol/src/schema/frames.ts): JSON text frames, `req`/`res`/`event`. Only what the studio reads
// is checked; everything else in a payload passes through untouched.
import { z } from "zod";

export const GATEWAY_PROTOCOL_VERSION = 4;
/** The reference client's identity (packages/gateway-protocol/src/client-info.ts: GATEWAY_CLIENT_IDS, MODES). */
export const STUDIO_GATEWAY_CLIENT = { id: "gateway-client", mode: "backend", displayName: "OpenClaw Studio" } as const;
export const OPERATOR_SCOPES = ["operator.read", "operator.write"] as const;
/** Without `tool-events` the gateway sends no live tool events to this connection (docs/gateway/clients.md). */
export const STUDIO_CLIENT_CAPS = ["tool-events"] as const;

export const ZGatewayError = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  retryable: z.boolean().optional(),
  retryAfterMs: z.number().optional(),
});
export type TGatewayError = z.infer<typeof ZGatewayError>;

export const ZGatewayFrame = z.discriminatedUnion("type", [
  z.object({ type: z.literal("res"), id: z.string(), ok: z.boolean(), payload: z.unknown().optional(), error: ZGatewayError.optional() }),
  z.object({ type: z.literal("event"), event: z.string(), payload: z.unknown().optional(), seq: z.number().int().nonnegative().optional() }),
  z.object({ type: z.literal("req"), id: z.string(), method: z.string(), params: z.unknown().optional() }),
]);
export type TGatewayFrame = z.infer<typeof ZGatewayFrame>;

/** A received challenge without a non-negative integer `ts` is invalid (docs/gateway/protocol/handshake.md). */
export const ZConnectChallenge = z.object({ nonce: z.string().min(1), ts: z.number().int().nonnegative() });

export const ZHelloOk = z.object({
  type: z.literal("hello-ok"),
  protocol: z.number().int(),
  server: z.object({ version: z.string(), connId: z.string() }).loose(),
  features: z.object({ methods: z.array(z.string()), events: z.array(z.string()) }).loose(),
  auth: z.object({ role: z.string(), scopes: z.array(z.string()), deviceToken: z.string().optional() }).loose(),
  policy: z.object({ tickIntervalMs: z.number().int().positive(), maxPayload: z.number().int().positive() }).loose(),
}).loose();
export type THelloOk = z.infer<typeof ZHelloOk>;

/** `agent` event payload (AgentEventSchema) plus what the gateway adds when it broadcasts: sessionKey, agentId. */
export const ZAgentEvent = z.object({
  runId: z.string().min(1),
  seq: z.number().int().nonnegative().optional(),
  stream: z.string().min(1),
  ts: z.number().optional(),
  sessionKey: z.string().optional(),
  agentId: z.string().optional(),
  spawnedBy: z.string().optional(),
  data: z.record(z.string(), z.unknown()).default({}),
}).loose();
export type TAgentEvent = z.infer<typeof ZAgentEvent>;

/** `chat` event payload (ChatEventSchema): status, delta (`deltaText`, `replace`), final, aborted, error. */
export const ZChatEvent = z.object({
  runId: z.string().min(1),
  sessionKey: z.string().min(1),
  agentId: z.string().optional(),
  spawnedBy: z.string().optional(),
  seq: z.number().int().nonnegative().optional(),
  state: z.enum(["status", "delta", "final", "aborted", "error"]),
  deltaText: z.string().optional(),
  replace: z.boolean().optional(),
  message: z.unknown().optional(),
  usage: z.unknown().optional(),
  errorMessage: z.string().optional(),
  stopReason: z.string().optional(),
}).loose();
export type TChatEvent = z.infer<typeof ZChatEvent>;

/** Session keys read `agent:<agentId>:<rest>` (a sub-agent's: `agent:<agentId>:subagent:<id>`). */
export function agentIdOfSessionKey(sessionKey: string | undefined): string | undefined {
  const match = /^agent:([^:]+):/.exec(sessionKey ?? "");
  return match?.[1];
}

/** The text of a transcript message as chat events and chat.history carry it: a string or content blocks. */
export function textOfMessage(message: unknown): string {
  if (typeof message === "string") return message;
  if (!message || typeof message !== "object") return "";
  const { content, text } = message as { content?: unknown; text?: unknown };
  if (typeof text === "string") return text;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((block) => (block && typeof block === "object" && (block as { type?: unknown }).type === "text" ? String((block as { text?: unknown }).text ?? "") : "")).join("");
}
