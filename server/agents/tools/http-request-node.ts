// HTTP Request: a data node (its input fills the templates) and an Agent's tool (the model's arguments fill them).
// Everything goes through the egress guard with the workspace allowlist; `{{secret:NAME}}` in headers is filled in on
// the server, and the runtime redacts the value from everything it records and from what the model sees. Every request
// carries the step's idempotency key (header `Idempotency-Key` unless configured otherwise), the same when the step is
// retried or re-executed after a crash, so the server can recognise a repeat, and the W3C `traceparent` of its span.
import { renderTemplate } from "@/lib/values/render-template";
import { EgressError, IDEMPOTENCY_HEADER, withIdempotencyKey } from "../../egress";
import type { TToolSpec } from "../../runtime/attached-contract";
import { NonRetriableError, RetryAfterError } from "../../runtime/errors";
import type { TNodeImplementation } from "../../runtime/node-implementation";
import type { TAgentServices } from "../agent-services";
import { readToolSpec } from "../../runtime/tool-config";
import { HTTP_REQUEST_NODE_DEFINITION } from "./http-request-definition";

const SECRET_PLACEHOLDER = /\{\{secret:([A-Za-z][A-Za-z0-9_-]{0,63})\}\}/g;
const SECRET_PLACEHOLDER_TEST = /\{\{secret:/;
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
const DEFAULT_TOOL_INPUT: TToolSpec["inputSchema"] = { type: "object", properties: { query: { type: "string" } } };

export type THttpAnswer = { status: number; headers: Record<string, string>; body: unknown };

/** An activation's context, or an attached call's (its key is the caller step's plus the call index). */
type TRequestContext = { runId: string; idempotencyKey: string; traceparent: string; config: Record<string, unknown>; signal: AbortSignal; resolveSecret(name: string): Promise<string> };

export function createHttpRequestNode(services: Pick<TAgentServices, "fetch">): TNodeImplementation {
  async function send(context: TRequestContext, input: unknown): Promise<THttpAnswer> {
    const { config } = context;
    const data = { input, run: { id: context.runId }, step: { idempotencyKey: context.idempotencyKey } };
    const headerTemplates = Object.values((config.headers ?? {}) as Record<string, unknown>).map(String);
    // Whoever fills the placeholders (a model, a webhook sender) must not choose where a secret goes.
    if (headerTemplates.some((template) => SECRET_PLACEHOLDER_TEST.test(template)) && hasTemplatedOrigin(String(config.url ?? ""))) {
      throw new NonRetriableError("HTTP Request: headers with {{secret:...}} need a URL whose scheme and host are written out, not filled from the input");
    }
    const headers: Record<string, string> = {};
    for (const [name, template] of Object.entries((config.headers ?? {}) as Record<string, unknown>)) {
      // Secrets first, from the graph's own text: a placeholder arriving in the input (a model's argument) stays text.
      headers[name] = renderTemplate(await fillSecrets(String(template), context.resolveSecret), data);
    }
    const method = String(config.method ?? "GET");
    const body = typeof config.body === "string" && config.body !== "" && method !== "GET" && method !== "HEAD" ? renderTemplate(config.body, data) : undefined;
    try {
      const response = await services.fetch({
        url: renderTemplate(String(config.url ?? ""), data),
        method,
        headers: withIdempotencyKey(headers, context.idempotencyKey, readIdempotencyHeader(config)),
        body,
        signal: context.signal,
        timeoutMs: typeof config.timeoutMs === "number" ? config.timeoutMs : undefined,
        maxResponseBytes: MAX_RESPONSE_BYTES,
        traceparent: context.traceparent,
      });
      return { status: response.status, headers: response.headers, body: parseBody(response.body, response.headers["content-type"]) };
    } catch (error) {
      // Refusals (not allowlisted, blocked address, bad URL) are the graph's to fix: retrying cannot help.
      if (error instanceof EgressError && ["NOT_ALLOWLISTED", "BLOCKED_ADDRESS", "BAD_URL", "BAD_REQUEST"].includes(error.code)) throw new NonRetriableError(`HTTP Request: ${error.message}`);
      throw error;
    }
  }

  return {
    definition: HTTP_REQUEST_NODE_DEFINITION,
    async execute(context) {
      const answer = await send(context, context.inputs.in);
      if (answer.status >= 400 && context.config.failOnError !== false) throw toStatusError(answer);
      return { kind: "outputs", outputs: { out: answer } };
    },
    attachment: {
      tools: {
        list: async ({ config }) => [readToolSpec(config, { name: "http_request", description: `${String(config.method ?? "GET")} ${String(config.url ?? "")}`, inputSchema: DEFAULT_TOOL_INPUT })],
        async call(context, _name, args) {
          return { output: await send(context, args) };
        },
      },
    },
  };
}

/** The configured header name; an empty string turns the header off. */
function readIdempotencyHeader(config: Record<string, unknown>): string {
  return typeof config.idempotencyHeader === "string" ? config.idempotencyHeader.trim() : IDEMPOTENCY_HEADER;
}

async function fillSecrets(text: string, resolveSecret: (name: string) => Promise<string>): Promise<string> {
  let filled = text;
  for (const [placeholder, name] of text.matchAll(SECRET_PLACEHOLDER)) {
    const value = await resolveSecret(name!);
    // A function replacement: `$&` or `$'` inside a secret must stay as written.
    filled = filled.replace(placeholder, () => value);
  }
  return filled;
}

/** True when the URL's scheme or host comes from a placeholder: `{{input.url}}`, `https://{{input.host}}/x`. */
function hasTemplatedOrigin(url: string): boolean {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url.trim());
  return !origin || origin[0].includes("{{");
}

function parseBody(body: Buffer, contentType: string | undefined): unknown {
  const text = body.toString("utf8");
  if (!contentType?.includes("json")) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toStatusError(answer: THttpAnswer): Error {
  const message = `HTTP Request: the server answered ${answer.status}`;
  if (answer.status === 429 || answer.status >= 500) {
    const retryAfter = Number(answer.headers["retry-after"]);
    return Number.isFinite(retryAfter) && retryAfter > 0 ? new RetryAfterError(message, retryAfter * 1000) : new Error(message);
  }
  return new NonRetriableError(message);
}
