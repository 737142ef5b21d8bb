// One streamed model call over HTTP, shared by the providers: POST the body through the egress guard, turn a refusal
// into a clear error, and hand back the server-sent events. Egress refusals (host not allowlisted, blocked address)
// fail at once: retrying cannot change the allowlist.
import { EgressError, type TEgressErrorCode } from "../../egress";
import type { TAttachedContext } from "../../runtime/attached-contract";
import { NonRetriableError } from "../../runtime/errors";
import type { TAgentServices } from "../agent-services";
import { readErrorBody, toProviderHttpError } from "./provider-http-error";
import { readSseEvents, type TSseEvent } from "./sse";

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

export async function* streamModelEvents(services: Pick<TAgentServices, "fetchStream">, context: TAttachedContext, call: TModelHttpCall): AsyncGenerator<TSseEvent> {
  try {
    const response = await services.fetchStream({
      url: call.url,
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", ...call.headers },
      body: JSON.stringify(call.body),
      signal: context.signal,
      timeoutMs: MODEL_CALL_TIMEOUT_MS,
    });
    if (response.status < 200 || response.status >= 300) {
      // The status says what went wrong; a body that breaks off only loses the provider's wording.
      const body = await readErrorBody(response.body).catch(() => "");
      throw toProviderHttpError({ ...call, status: response.status, headers: response.headers, body, nowMs: context.now() });
    }
    yield* readSseEvents(response.body);
  } catch (error) {
    if (error instanceof EgressError && FINAL_EGRESS_CODES.has(error.code)) throw new NonRetriableError(error.message, { cause: error });
    throw error;
  }
}

/** The host of a base URL, for messages (never its path or query: those can carry tokens). */
export function describeModel(model: string, baseUrl: string): string {
  try {
    return `${model} at ${new URL(baseUrl).host}`;
  } catch {
    return model;
  }
}
