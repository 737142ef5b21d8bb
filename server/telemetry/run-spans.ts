// The OpenTelemetry spans of a run, started and ended as its events arrive (run-telemetry.ts): one span per drive of
// the run, one per step attempt under it, one per attached call (model, tool, MCP, memory) under its step or under
// the call that made it (an agent used as a tool calls its own model). Step and call spans carry the ids the runtime
// gave the node (runtime/trace-context.ts), so the HTTP spans egress made under them meanwhile find their parents.
import { SpanKind, SpanStatusCode, type Span } from "@opentelemetry/api";
import { MCP_TOOLS_NODE_TYPE } from "../agents/mcp/mcp-tools-definition";
import type { TTracing } from "./tracing";

export type TSpanFailure = { code: string; message: string };

export function createRunSpans(tracing: TTracing) {
  return {
    /** A drive of the run: its first start, or a resume after a park or a takeover (`studio.run.resumed`). */
    startRun(run: { runId: string; traceId: string; parentSpanId: string | null }, startTime: number, isResumed: boolean): Span {
      return tracing.startSpan({
        name: "run",
        traceId: run.traceId,
        parentSpanId: run.parentSpanId,
        startTime,
        kind: SpanKind.INTERNAL,
        attributes: { "studio.run.id": run.runId, "studio.run.resumed": isResumed },
      });
    },

    startStep(run: { runId: string; traceId: string; runSpan?: Span }, step: { stepSeq: number; nodeId: string; nodeType: string; attempt: number; spanId: string }, startTime: number): Span {
      return tracing.startSpan({
        name: `step ${step.nodeType}`,
        traceId: run.traceId,
        spanId: step.spanId,
        parentSpanId: run.runSpan?.spanContext().spanId ?? null,
        startTime,
        attributes: {
          "studio.run.id": run.runId,
          "studio.step.seq": step.stepSeq,
          "studio.step.attempt": step.attempt,
          "studio.node.id": step.nodeId,
          "studio.node.type": step.nodeType,
        },
      });
    },

    startCall(
      run: { runId: string; traceId: string },
      call: { callId: string; nodeId: string; nodeType: string; kind: string; operation: string; spanId: string },
      parentSpanId: string,
      startTime: number,
    ): Span {
      return tracing.startSpan({
        name: nameCall(call),
        traceId: run.traceId,
        spanId: call.spanId,
        parentSpanId,
        startTime,
        attributes: {
          "studio.run.id": run.runId,
          "studio.call.id": call.callId,
          "studio.call.kind": call.kind,
          "studio.call.operation": call.operation,
          "studio.node.id": call.nodeId,
          "studio.node.type": call.nodeType,
        },
      });
    },

    end(span: Span, endTime: number, failure?: TSpanFailure): void {
      if (failure) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
        span.setAttribute("error.type", failure.code);
      }
      span.end(endTime);
    },
  };
}

export type TRunSpans = ReturnType<typeof createRunSpans>;

/** `model core/openai-model`, `tool <tool name>`, `mcp <tool name>`, `memory load`. */
function nameCall(call: { nodeType: string; kind: string; operation: string }): string {
  if (call.kind === "model") return `model ${call.nodeType}`;
  if (call.kind === "tool" && call.nodeType === MCP_TOOLS_NODE_TYPE) return `mcp ${call.operation}`;
  return `${call.kind} ${call.operation}`;
}
