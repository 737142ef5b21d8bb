// The parts of an HTTP request a Webhook run receives, parsed without trusting any of it.
import type { IncomingHttpHeaders } from "node:http";

export class WebhookRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "WebhookRefusal";
  }
}

const TEXT_TYPES = new Set(["text/plain", "application/x-www-form-urlencoded"]);

/**
 * JSON bodies are parsed; form and plain-text bodies are kept as one string (a form's fields are for the graph to
 * read, not for us to interpret); anything else is refused with 415. An empty body is null.
 */
export function parseWebhookBody(contentType: string | undefined, raw: string): unknown {
  const mediaType = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (raw.length === 0 && (mediaType === "" || isJson(mediaType) || TEXT_TYPES.has(mediaType))) return null;
  if (isJson(mediaType)) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      throw new WebhookRefusal(400, "The body is not valid JSON");
    }
  }
  if (TEXT_TYPES.has(mediaType)) return raw;
  throw new WebhookRefusal(415, "Send the body as application/json, application/x-www-form-urlencoded or text/plain");
}

function isJson(mediaType: string): boolean {
  return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/** `x-api-key`, `x-auth-token`, `x-hub-signature`...: credentials stay out of the run input (viewers and models see it). */
const CREDENTIAL_HEADER = /key|token|secret|auth|sign|cookie|password|session/i;

/** Only headers a graph may reasonably need: never cookies, authorization or other credentials a sender forwards. */
export function pickWebhookHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const picked = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || !(name === "content-type" || name === "user-agent" || name.startsWith("x-"))) continue;
    if (CREDENTIAL_HEADER.test(name)) continue;
    picked.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return Object.fromEntries(picked);
}

/** Query parameters by name; a repeated name gives an array in order. */
export function parseWebhookQuery(search: URLSearchParams): Record<string, string | string[]> {
  const query = new Map<string, string | string[]>();
  for (const [name, value] of search) {
    const earlier = query.get(name);
    query.set(name, earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value]);
  }
  // fromEntries defines own properties, so a `__proto__` parameter stays a visible key for the unsafe-key check.
  return Object.fromEntries(query);
}

const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export function readIdempotencyKey(headers: IncomingHttpHeaders): string | undefined {
  const value = headers["idempotency-key"];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !IDEMPOTENCY_KEY_PATTERN.test(value)) {
    throw new WebhookRefusal(400, "Idempotency-Key must be 1 to 200 visible ASCII characters");
  }
  return value;
}
