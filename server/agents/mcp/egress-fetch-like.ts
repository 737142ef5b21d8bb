// The fetch the SDK's streamable HTTP transport gets: every request it makes goes through the egress guard with the
// workspace allowlist (TAgentServices.fetchStream), so an MCP URL reaches exactly the hosts an admin allowed.
import type { FetchLike } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { TEgressRequest, TEgressStreamResponse } from "../../egress";

const NO_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function toEgressFetchLike(fetchStream: (request: TEgressRequest) => Promise<TEgressStreamResponse>, timeoutMs: number): FetchLike {
  return async (url, init = {}) => {
    if (init.body !== undefined && init.body !== null && typeof init.body !== "string") {
      throw new Error("MCP over HTTP sends JSON text bodies only");
    }
    const method = (init.method ?? "GET").toUpperCase();
    const abort = new AbortController();
    const response = await fetchStream({
      url: String(url),
      method,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: init.body ?? undefined,
      signal: init.signal ? AbortSignal.any([abort.signal, init.signal]) : abort.signal,
      timeoutMs,
    });
    const body = toWebStream(response.body, abort);
    if (NO_BODY_STATUSES.has(response.status) || method === "HEAD") {
      await body.cancel();
      return new Response(null, { status: response.status, headers: response.headers });
    }
    return new Response(body, { status: response.status, headers: response.headers });
  };
}

/**
 * The egress body as a web stream. Cancelling (the SDK does it for 202 answers and on close) aborts the request and
 * runs the body to its end, so egress closes the socket and stops its deadline instead of waiting for the timeout.
 */
function toWebStream(body: AsyncIterable<Buffer>, abort: AbortController): ReadableStream<Uint8Array> {
  const iterator = body[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
    async cancel() {
      abort.abort();
      try {
        while (!(await iterator.next()).done);
      } catch {
        // The aborted body ends with an egress error: that is the end we wanted.
      }
    },
  });
}
