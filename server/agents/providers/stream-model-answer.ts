// One streamed model call over HTTP, shared by the providers: POST the body through the egress guard, turn a refusal
// into a clear error, and read the server-sent events into the answer. Egress refusals (host not allowlisted, blocked
// address) fail at once: retrying cannot change the allowlist. A stream that stops before the answer's end is a cut
// stream (ModelStreamCutError, retried), never "could not reach": the host answered.
import { EgressError, type TEgressErrorCode } from "../../egress";
import type { TAttachedContext } from "../../runtime/attached-contract";
import { NonRetriableError } from "../../runtime/errors";
import type { TAgentServices } from "../agent-services";
import { ModelStreamCutError } from "./model-stream-cut-error";
import { readErrorBody, toProviderHttpError } from "./provider-http-error";
import { readSseEvents } from "./sse";
import type { TStreamedAnswer, TStreamReader } from "./stream-reader";

/**
 * The whole call, the streamed answer included, must end within this. Longer than egress's default (30 s): a long
 * answer of a slow model streams for minutes. A node's own timeout still applies on top.
 */
export const MODEL_CALL_TIMEOUT_MS = 10 * 60_000;

const FINAL_EGRESS_CODES = new Set<TEgressErrorCode>(["BAD_URL", "BAD_REQUEST", "NOT_ALLOWLISTED", "BLOCKED_ADDRESS", "TOO_MANY_REDIRECTS", "RESPONSE_TOO_LARGE"]);

export type TModelHttpCall = {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  /** Who answers, for messages: `gpt-4o-mini at api.openai.com`. */
  subject: string;
  apiKeySecret?: string;
  apiKey?: string;
};

export async function streamModelAnswer(services: Pick<TAgentServices, "fetchStream">, context: TAttachedContext, call: TModelHttpCall, reader: TStreamReader): Promise<TStreamedAnswer> {
  const body = await openStream(services, context, call);
  let chunks = 0;
  try {
    for await (const event of readSseEvents(body)) {
      chunks += 1;
      // Leaving the loop at the stream's end marker closes the connection, whatever the server sends after it.
      if (reader.take(event.data)) break;
    }
  } catch (error) {
    // Only a broken connection is a cut; a timeout, a cancel or an error the stream reported stay what they are.
    if (error instanceof EgressError && error.code === "NETWORK") throw new ModelStreamCutError(call.subject, chunks, `the connection closed (${describeCause(error)})`, { cause: error });
    throw toFinalEgressError(error);
  }
  if (!reader.isComplete()) throw new ModelStreamCutError(call.subject, chunks, "the stream ended before the answer did");
  return reader.finish();
}

/** The response's body once the server accepted the request; its refusal, or a failure to reach it, as an error. */
async function openStream(services: Pick<TAgentServices, "fetchStream">, context: TAttachedContext, call: TModelHttpCall): Promise<AsyncIterable<Uint8Array>> {
  try {
    const response = await services.fetchStream({
      url: call.url,
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", ...call.headers },
      body: JSON.stringify(call.body),
      signal: context.signal,
      timeoutMs: MODEL_CALL_TIMEOUT_MS,
      traceparent: context.traceparent,
    });
    if (response.status >= 200 && response.status < 300) return response.body;
    // The status says what went wrong; a body that breaks off only loses the provider's wording.
    const body = await readErrorBody(response.body).catch(() => "");
    throw toProviderHttpError({ ...call, status: response.status, headers: response.headers, body, nowMs: context.now() });
  } catch (error) {
    throw toFinalEgressError(error);
  }
}

function toFinalEgressError(error: unknown): unknown {
  return error instanceof EgressError && FINAL_EGRESS_CODES.has(error.code) ? new NonRetriableError(error.message, { cause: error }) : error;
}

/** The system's code (ECONNRESET) when there is one: the egress message around it names the host a second time. */
function describeCause(error: EgressError): string {
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : error.message;
}

/** The host of a base URL, for messages (never its path or query: those can carry tokens). */
export function describeModel(model: string, baseUrl: string): string {
  try {
    return `${model} at ${new URL(baseUrl).host}`;
  } catch {
    return model;
  }
}
