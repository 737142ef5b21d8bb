// A local OTLP/HTTP trace receiver for tests: a plain node:http server that keeps what the exporter POSTs to
// /v1/traces (OTLP JSON, as @opentelemetry/exporter-trace-otlp-http sends it) and flattens it into spans.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

type TOtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
type TOtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes?: { key: string; value: TOtlpValue }[];
  status?: { code?: number; message?: string };
  events?: { name: string }[];
};
type TOtlpRequest = { resourceSpans: { resource?: { attributes?: { key: string; value: TOtlpValue }[] }; scopeSpans: { spans: TOtlpSpan[] }[] }[] };

export type TReceivedSpan = {
  traceId: string;
  spanId: string;
  /** Undefined for a root span. */
  parentSpanId: string | undefined;
  name: string;
  attributes: Record<string, string | number | boolean | undefined>;
  /** 0 unset, 1 ok, 2 error. */
  statusCode: number;
  statusMessage: string | undefined;
  eventNames: string[];
  serviceName: string | undefined;
};

export async function startOtlpReceiver() {
  const spans: TReceivedSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.method === "POST" && request.url === "/v1/traces") spans.push(...flatten(JSON.parse(Buffer.concat(chunks).toString("utf8")) as TOtlpRequest));
      response.setHeader("content-type", "application/json");
      response.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function flatten(request: TOtlpRequest): TReceivedSpan[] {
  return request.resourceSpans.flatMap((resourceSpans) => {
    const serviceName = toRecord(resourceSpans.resource?.attributes)["service.name"] as string | undefined;
    return resourceSpans.scopeSpans.flatMap((scope) =>
      scope.spans.map((span) => ({
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId || undefined,
        name: span.name,
        attributes: toRecord(span.attributes),
        statusCode: span.status?.code ?? 0,
        statusMessage: span.status?.message,
        eventNames: (span.events ?? []).map((event) => event.name),
        serviceName,
      })),
    );
  });
}

function toRecord(attributes: { key: string; value: TOtlpValue }[] | undefined): TReceivedSpan["attributes"] {
  const entries = (attributes ?? []).map(({ key, value }) => [key, value.stringValue ?? (value.intValue === undefined ? undefined : Number(value.intValue)) ?? value.boolValue ?? value.doubleValue] as const);
  return Object.fromEntries(entries);
}
