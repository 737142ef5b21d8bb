import { describe, expect, it } from "vitest";
import { NonRetriableError, RetryAfterError } from "../../runtime/errors";
import { parseRetryAfterMs } from "./parse-retry-after";
import { readErrorBody, toProviderHttpError } from "./provider-http-error";

const NOW = Date.parse("2025-01-01T00:00:00Z");
const refusal = (status: number, body: string, headers: Record<string, string> = {}) => ({ subject: "gpt-4o at api.example.com", status, headers, body, nowMs: NOW, apiKeySecret: "OPENAI_API_KEY", apiKey: "sk-live-abcdef123456" });

describe("provider errors", () => {
  it("fails at once on a refused key, with the provider's words, the secret's name and never the key", () => {
    const error = toProviderHttpError(refusal(401, JSON.stringify({ error: { message: "Incorrect API key provided: sk-live-abcdef123456." } })));
    expect(error).toBeInstanceOf(NonRetriableError);
    expect(error.message).toBe("The model gpt-4o at api.example.com answered 401: Incorrect API key provided: [the API key]. (check the API key in the secret OPENAI_API_KEY)");
  });

  it("fails at once on a bad request or an unknown model, and hints at the URL for a 404", () => {
    expect(toProviderHttpError(refusal(400, '{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required"}}'))).toBeInstanceOf(NonRetriableError);
    const missing = toProviderHttpError(refusal(404, JSON.stringify({ error: "model 'llama9' not found" })));
    expect(missing).toBeInstanceOf(NonRetriableError);
    expect(missing.message).toBe("The model gpt-4o at api.example.com answered 404: model 'llama9' not found (check the base URL and the model id)");
  });

  it("retries a rate limit after the delay the provider asked for, and an outage with the node's backoff", () => {
    const limited = toProviderHttpError(refusal(429, '{"error":{"message":"Rate limit reached"}}', { "retry-after": "20" }));
    expect(limited).toBeInstanceOf(RetryAfterError);
    expect((limited as RetryAfterError).delayMs).toBe(20_000);
    const down = toProviderHttpError(refusal(503, "<html>\n<body>Service\n Unavailable</body></html>"));
    expect(down).not.toBeInstanceOf(NonRetriableError);
    expect(down).not.toBeInstanceOf(RetryAfterError);
    expect(down.message).toBe("The model gpt-4o at api.example.com answered 503: <html> <body>Service Unavailable</body></html>");
  });

  it("reads retry-after in seconds, as a date, and OpenAI's retry-after-ms", () => {
    expect(parseRetryAfterMs({ "retry-after": "1.5" }, NOW)).toBe(1_500);
    expect(parseRetryAfterMs({ "retry-after": "Wed, 01 Jan 2025 00:00:30 GMT" }, NOW)).toBe(30_000);
    expect(parseRetryAfterMs({ "retry-after": "Tue, 31 Dec 2024 00:00:00 GMT" }, NOW)).toBe(0);
    expect(parseRetryAfterMs({ "retry-after-ms": "250", "retry-after": "1" }, NOW)).toBe(250);
    expect(parseRetryAfterMs({ "retry-after": "soon" }, NOW)).toBeUndefined();
    expect(parseRetryAfterMs({}, NOW)).toBeUndefined();
  });

  it("reads no more of an error body than it needs, and stops the stream", async () => {
    let isReturned = false;
    async function* huge() {
      try {
        for (;;) yield new Uint8Array(4_096).fill(120);
      } finally {
        isReturned = true;
      }
    }
    expect(await readErrorBody(huge())).toHaveLength(16 * 1024);
    expect(isReturned).toBe(true);
  });
});
