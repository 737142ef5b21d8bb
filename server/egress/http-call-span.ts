// An outbound request made for a step or a call carries that span's W3C `traceparent` (TEgressRequest.traceparent).
// With tracing on, the request gets its own client span under it, and the callee is told that span; with tracing
// off, the step's or call's traceparent is passed on as is, so the callee still joins the run's trace.
import { SpanKind, SpanStatusCode, type Span } from "@opentelemetry/api";
import { formatTraceparent, parseTraceparent } from "../runtime/trace-context";
import { redactLiveSecrets } from "../secrets/live-secrets";
import { getTracing } from "../telemetry/tracing";

export type THttpCallSpan = {
  /** The request headers with `traceparent` set (any spelling of it the caller put there is replaced). */
  headers: Record<string, string> | undefined;
  /** Ends the span once: with the answer's status, or the error that ended the exchange. Idempotent. */
  end(outcome: { status?: number; error?: unknown }): void;
};

export function startHttpCallSpan(request: { url: string; method?: string; headers?: Record<string, string>; traceparent?: string }): THttpCallSpan {
  const parent = parseTraceparent(request.traceparent);
  if (!parent) return { headers: request.headers, end: () => undefined };
  const tracing = getTracing();
  const method = (request.method ?? "GET").toUpperCase();
  const span = tracing?.startSpan({
    name: method,
    traceId: parent.traceId,
    parentSpanId: parent.spanId,
    startTime: Date.now(),
    kind: SpanKind.CLIENT,
    attributes: { "http.request.method": method, ...describeUrl(request.url) },
  });
  const traceparent = span ? formatTraceparent(parent.traceId, span.spanContext().spanId) : request.traceparent!;
  const headers = Object.fromEntries(Object.entries(request.headers ?? {}).filter(([name]) => name.toLowerCase() !== "traceparent"));
  return { headers: { ...headers, traceparent }, end: span ? endOnce(span) : () => undefined };
}

function endOnce(span: Span): THttpCallSpan["end"] {
  let isEnded = false;
  return ({ status, error }) => {
    if (isEnded) return;
    isEnded = true;
    if (status !== undefined) span.setAttribute("http.response.status_code", status);
    if (error !== undefined) {
      span.setAttribute("error.type", (error as { code?: unknown }).code === undefined ? "Error" : String((error as { code: unknown }).code));
      span.setStatus({ code: SpanStatusCode.ERROR, message: redactLiveSecrets(error instanceof Error ? error.message : String(error)) });
    } else if (status !== undefined && status >= 400) {
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  };
}

/** Scheme, host, port and path: never the query or userinfo, where credentials travel. */
function describeUrl(url: string) {
  try {
    const parsed = new URL(url);
    const port = Number(parsed.port || (parsed.protocol === "https:" ? 443 : 80));
    return { "url.full": redactLiveSecrets(`${parsed.protocol}//${parsed.host}${parsed.pathname}`), "server.address": parsed.hostname, "server.port": port };
  } catch {
    return {};
  }
}
