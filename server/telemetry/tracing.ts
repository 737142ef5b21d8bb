// OpenTelemetry tracing, exported over OTLP/HTTP (JSON) when OTEL_EXPORTER_OTLP_ENDPOINT is set; without it there is
// no tracer at all and nothing below runs (the zero-cost path). Spans of runs, steps and calls are built from run
// events with the ids the runtime already handed to nodes (run-spans.ts, runtime/trace-context.ts), so a span is
// started with its id given rather than drawn at random: the SDK draws ids from its IdGenerator, and this one hands
// out the id set just before the synchronous startSpan call.
import { randomBytes } from "node:crypto";
import { ROOT_CONTEXT, trace, TraceFlags, type Attributes, type Span, type SpanKind } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor, type IdGenerator } from "@opentelemetry/sdk-trace-base";
import { env } from "../env";

export type TSpanStart = {
  name: string;
  traceId: string;
  /** Random when absent. */
  spanId?: string;
  /** The parent span (16 hex); null: a root span of the trace. */
  parentSpanId: string | null;
  /** Epoch ms. */
  startTime: number;
  kind?: SpanKind;
  attributes?: Attributes;
};

export type TTracing = {
  startSpan(start: TSpanStart): Span;
  /** Exports what is finished now (the processor otherwise batches for up to 5 s). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
};

export const DEFAULT_SERVICE_NAME = "openclaw-studio";

/** `endpoint`: the OTLP base URL (`http://collector:4318`); spans go to `<endpoint>/v1/traces`. */
export function createTracing(options: { endpoint: string; serviceName: string }): TTracing {
  const ids = new PresetIdGenerator();
  const exporter = new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/+$/, "")}/v1/traces` });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName }),
    idGenerator: ids,
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("openclaw-studio");
  return {
    startSpan(start) {
      // Without a parent the SDK draws the trace id too: the preset gives it the run's.
      const parent = start.parentSpanId
        ? trace.setSpanContext(ROOT_CONTEXT, { traceId: start.traceId, spanId: start.parentSpanId, traceFlags: TraceFlags.SAMPLED, isRemote: true })
        : ROOT_CONTEXT;
      ids.preset(start.traceId, start.spanId);
      try {
        return tracer.startSpan(start.name, { startTime: start.startTime, kind: start.kind, attributes: start.attributes }, parent);
      } finally {
        ids.preset(undefined, undefined);
      }
    },
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}

class PresetIdGenerator implements IdGenerator {
  private traceId: string | undefined;
  private spanId: string | undefined;

  preset(traceId: string | undefined, spanId: string | undefined): void {
    this.traceId = traceId;
    this.spanId = spanId;
  }

  generateTraceId(): string {
    return this.traceId ?? randomBytes(16).toString("hex");
  }

  generateSpanId(): string {
    return this.spanId ?? randomBytes(8).toString("hex");
  }
}

let current: TTracing | null | undefined;

/** The process's tracing, configured from the environment on first use; null when no endpoint is set. */
export function getTracing(): TTracing | null {
  if (current === undefined) {
    const { OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME } = env();
    current = OTEL_EXPORTER_OTLP_ENDPOINT ? createTracing({ endpoint: OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: OTEL_SERVICE_NAME ?? DEFAULT_SERVICE_NAME }) : null;
  }
  return current;
}

/** Replaces the process's tracing (a test's own receiver, a process that configures it in code). */
export function setTracing(tracing: TTracing | null): void {
  current = tracing;
}
