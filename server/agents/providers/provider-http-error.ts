// A provider's refusal as an error a user can act on, steering the runtime's retries: a bad key or a bad request fails
// at once, a rate limit or an outage is retried (after the delay the provider asked for, when it did).
import { NonRetriableError, RetryAfterError } from "../../runtime/errors";
import { parseRetryAfterMs } from "./parse-retry-after";

/** Enough of an error body for its message; the rest is never read. */
export const MAX_ERROR_BODY_BYTES = 16 * 1024;
const MAX_MESSAGE_CHARS = 500;

export type TProviderRefusal = {
  /** Who answered, for the message: `gpt-4o-mini at api.openai.com`. */
  subject: string;
  status: number;
  headers: Record<string, string>;
  body: string;
  nowMs: number;
  apiKeySecret?: string;
  /** The key's value: cut out of the provider's message should it echo it back. */
  apiKey?: string;
};

export function toProviderHttpError(refusal: TProviderRefusal): Error {
  const said = scrub(readProviderMessage(refusal.body), refusal.apiKey);
  const hint = describeHint(refusal.status, refusal.apiKeySecret);
  const message = `The model ${refusal.subject} answered ${refusal.status}${said ? `: ${said}` : ""}${hint ? ` (${hint})` : ""}`;
  const isRetriable = refusal.status === 408 || refusal.status === 409 || refusal.status === 429 || refusal.status >= 500;
  if (!isRetriable) return new NonRetriableError(message);
  const delayMs = parseRetryAfterMs(refusal.headers, refusal.nowMs);
  return delayMs === undefined ? new Error(message) : new RetryAfterError(message, delayMs);
}

/** Collects at most MAX_ERROR_BODY_BYTES, then stops reading (which closes the connection). */
export async function readErrorBody(body: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_ERROR_BODY_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, MAX_ERROR_BODY_BYTES).toString("utf8");
}

/** `{error: {message}}` (OpenAI, Anthropic), `{error: "..."}` (Ollama), `{message}`, else the text itself, on one line. */
export function readProviderMessage(body: string): string {
  let message = body;
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    const error = parsed.error;
    const candidate =
      typeof error === "string" ? error : typeof error === "object" && error !== null && "message" in error ? (error as { message: unknown }).message : parsed.message;
    if (typeof candidate === "string") message = candidate;
  } catch {
    // not JSON: an HTML error page of a proxy, plain text of a local server
  }
  const line = message.replace(/\s+/g, " ").trim();
  return line.length > MAX_MESSAGE_CHARS ? `${line.slice(0, MAX_MESSAGE_CHARS)}…` : line;
}

export function scrub(text: string, apiKey: string | undefined): string {
  return apiKey ? text.split(apiKey).join("[the API key]") : text;
}

function describeHint(status: number, apiKeySecret: string | undefined): string {
  if (status === 401 || status === 403) return apiKeySecret ? `check the API key in the secret ${apiKeySecret}` : "this server wants an API key: set the node's API key secret";
  if (status === 404) return "check the base URL and the model id";
  return "";
}
