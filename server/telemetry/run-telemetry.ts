// Logs, metrics and spans of runs, derived from the run events the runtime hands to `onEvent` (the runtime knows none
// of them). One instance per runtime; it keeps what it needs of each run this process drives (trace, open steps and
// calls, edge depths) from the run's `run.started` to its end or park. It must never throw into the runtime.
import type { Span } from "@opentelemetry/api";
import type { Logger } from "pino";
import type { TSeqEvent } from "../runtime/run-store";
import { callSpanId, stepSpanId } from "../runtime/trace-context";
import { runMetrics } from "./metrics";
import { createRunSpans, type TSpanFailure } from "./run-spans";
import type { TTracing } from "./tracing";

type TStep = { stepSeq: number; nodeId: string; nodeType: string; attempt: number; startedAt: number; spanId: string; span?: Span };
type TCall = { callId: string; stepSeq: number; nodeId: string; nodeType: string; kind: string; operation: string; startedAt: number; spanId: string; span?: Span };
type TRunState = {
  runId: string;
  traceId: string;
  parentSpanId: string | null;
  runSpan?: Span;
  steps: Map<number, TStep>;
  calls: Map<string, TCall>;
  depths: Map<string, number>;
  mailboxMessages: number;
  lastEventAt: number;
};

type TEventOf<K extends TSeqEvent["type"]> = Extract<TSeqEvent, { type: K }>;

/** A drive that sent nothing for this long ended unseen (its lease went to another process): its state is dropped. */
const IDLE_RUN_MS = 60 * 60 * 1000;
const UNFINISHED: TSpanFailure = { code: "Unfinished", message: "the run ended before this" };

export function createRunTelemetry(options: { log: Logger; tracing: TTracing | null }) {
  const { log } = options;
  const spans = options.tracing ? createRunSpans(options.tracing) : null;
  const runs = new Map<string, TRunState>();

  const lineOf = (run: TRunState, extra: object = {}) => ({ runId: run.runId, traceId: run.traceId, ...extra });
  const stepLine = (run: TRunState, step: { stepSeq: number; nodeId: string; nodeType?: string; spanId?: string }) =>
    lineOf(run, { stepSeq: step.stepSeq, nodeId: step.nodeId, nodeType: step.nodeType, spanId: step.spanId });

  function startRun(event: TEventOf<"run.started">): void {
    for (const run of runs.values()) {
      if (run.runId === event.runId || run.lastEventAt < event.ts - IDLE_RUN_MS) endRun(run, event.ts, { code: "Interrupted", message: "this drive of the run stopped without an end" });
    }
    const { traceId, parentSpanId, isResumed } = event.payload;
    const run: TRunState = { runId: event.runId, traceId, parentSpanId, steps: new Map(), calls: new Map(), depths: new Map(), mailboxMessages: 0, lastEventAt: event.ts };
    run.runSpan = spans?.startRun(run, event.ts, isResumed);
    runs.set(run.runId, run);
    if (!isResumed) runMetrics.started.inc();
    log.info(lineOf(run, { parentSpanId, isResumed }), isResumed ? "run resumed" : "run started");
  }

  /** Ends the drive's spans (steps and calls still open end with `cutOff`) and forgets the run. */
  function endRun(run: TRunState, at: number, failure?: TSpanFailure, cutOff: TSpanFailure = failure ?? UNFINISHED): void {
    for (const call of run.calls.values()) if (call.span) spans?.end(call.span, at, cutOff);
    for (const step of run.steps.values()) if (step.span) spans?.end(step.span, at, cutOff);
    if (run.runSpan) spans?.end(run.runSpan, at, failure);
    runMetrics.mailboxMessages.dec(run.mailboxMessages);
    runs.delete(run.runId);
  }

  function endStep(run: TRunState, event: { ts: number; payload: { stepSeq: number } }, status: "succeeded" | "failed" | "retried" | "waiting", failure?: TSpanFailure): TStep | undefined {
    const step = run.steps.get(event.payload.stepSeq);
    if (!step) return undefined;
    run.steps.delete(step.stepSeq);
    runMetrics.stepDuration.observe({ node_type: step.nodeType, status }, Math.max(0, event.ts - step.startedAt) / 1000);
    if (step.span) spans?.end(step.span, event.ts, failure);
    return step;
  }

  function startCall(run: TRunState, event: TEventOf<"node.call_started">): void {
    const { stepSeq, callId, callerNodeId, nodeType, kind, operation } = event.payload;
    const step = run.steps.get(stepSeq);
    if (!step) return;
    // The caller is the step's node, or an attached node being called right now (an agent used as a tool).
    const parent = [...run.calls.values()].find((call) => call.stepSeq === stepSeq && call.nodeId === callerNodeId);
    const call: TCall = { callId, stepSeq, nodeId: event.nodeId!, nodeType, kind, operation, startedAt: event.ts, spanId: callSpanId(step.spanId, callId) };
    call.span = spans?.startCall(run, call, parent?.spanId ?? step.spanId, event.ts);
    run.calls.set(`${stepSeq}:${callId}`, call);
  }

  function finishCall(run: TRunState, event: TEventOf<"node.call_finished">): void {
    const { stepSeq, callId, ok, usage, error } = event.payload;
    const call = run.calls.get(`${stepSeq}:${callId}`);
    if (!call) return;
    run.calls.delete(`${stepSeq}:${callId}`);
    runMetrics.callDuration.observe({ kind: call.kind, node_type: call.nodeType, outcome: ok ? "ok" : "error" }, event.payload.durationMs / 1000);
    if (call.kind === "model" && usage) {
      runMetrics.modelTokens.inc({ node_type: call.nodeType }, usage.tokens);
      runMetrics.modelCost.inc({ node_type: call.nodeType }, usage.costUsd);
    }
    if (call.span && usage) call.span.setAttributes({ "studio.usage.tokens": usage.tokens, "studio.usage.cost_usd": usage.costUsd });
    if (call.span) spans?.end(call.span, event.ts, error);
    const line = stepLine(run, { stepSeq, nodeId: call.nodeId, nodeType: call.nodeType, spanId: call.spanId });
    if (ok) log.debug({ ...line, callId, kind: call.kind, operation: call.operation, durationMs: event.payload.durationMs }, "call finished");
    else log.info({ ...line, callId, kind: call.kind, operation: call.operation, error }, "call failed");
  }

  function updateDepths(run: TRunState, depths: Record<string, number>): void {
    for (const [edgeId, depth] of Object.entries(depths)) {
      const change = depth - (run.depths.get(edgeId) ?? 0);
      run.depths.set(edgeId, depth);
      run.mailboxMessages += change;
      runMetrics.mailboxMessages.inc(change);
    }
  }

  function observe(run: TRunState, event: TSeqEvent): void {
    switch (event.type) {
      case "node.started": {
        const { stepSeq, attempt, nodeType, isResume } = event.payload;
        const step: TStep = { stepSeq, nodeId: event.nodeId!, nodeType, attempt, startedAt: event.ts, spanId: stepSpanId(run.runId, stepSeq, attempt, isResume) };
        step.span = spans?.startStep(run, step, event.ts);
        run.steps.set(stepSeq, step);
        return log.debug(stepLine(run, step), "step started");
      }
      case "node.completed": {
        const step = endStep(run, event, "succeeded");
        return log.debug({ ...stepLine(run, step ?? { stepSeq: event.payload.stepSeq, nodeId: event.nodeId! }), durationMs: event.payload.durationMs }, "step succeeded");
      }
      case "node.failed": {
        const { error } = event.payload;
        const step = endStep(run, event, "failed", error);
        return log.warn({ ...stepLine(run, step ?? { stepSeq: event.payload.stepSeq, nodeId: event.nodeId! }), error: { code: error.code, message: error.message } }, "step failed");
      }
      case "node.retrying": {
        const { error, attempt, delayMs } = event.payload;
        const step = endStep(run, event, "retried", error);
        return log.warn({ ...stepLine(run, step ?? { stepSeq: event.payload.stepSeq, nodeId: event.nodeId! }), nextAttempt: attempt, delayMs, error: { code: error.code, message: error.message } }, "step attempt failed: retrying");
      }
      case "node.waiting": {
        const step = endStep(run, event, "waiting");
        return log.info({ ...stepLine(run, step ?? { stepSeq: event.payload.stepSeq, nodeId: event.nodeId! }), waitsFor: event.payload.kind }, "step waiting");
      }
      case "node.skipped":
        return log.debug(stepLine(run, { stepSeq: event.payload.stepSeq, nodeId: event.nodeId! }), "step skipped");
      case "node.log": {
        const { stepSeq, level, message } = event.payload;
        const step = run.steps.get(stepSeq) ?? { stepSeq, nodeId: event.nodeId! };
        return log[level](stepLine(run, step), message);
      }
      case "node.call_started":
        return startCall(run, event);
      case "node.call_finished":
        return finishCall(run, event);
      case "model.retry": {
        const { stepSeq, callId, attempt, delayMs, error } = event.payload;
        const call = run.calls.get(`${stepSeq}:${callId}`);
        call?.span?.addEvent("retry", { "studio.call.next_attempt": attempt, "studio.call.delay_ms": delayMs, "error.type": error.code }, event.ts);
        return log.warn({ ...stepLine(run, { stepSeq, nodeId: event.nodeId!, spanId: call?.spanId }), callId, nextAttempt: attempt, delayMs, error }, "model call failed: retrying");
      }
      case "edge.depth":
        return updateDepths(run, event.payload.depths);
      case "run.waiting":
        log.info(lineOf(run, { waitingNodeIds: event.payload.nodeIds }), "run waiting");
        return endRun(run, event.ts);
      case "run.completed":
        runMetrics.finished.inc({ status: "succeeded" });
        log.info(lineOf(run), "run succeeded");
        return endRun(run, event.ts);
      case "run.failed": {
        const { code, message, nodeId } = event.payload.error;
        runMetrics.finished.inc({ status: "failed" });
        log.warn(lineOf(run, { error: { code, message, nodeId } }), "run failed");
        return endRun(run, event.ts, { code, message });
      }
      case "run.cancelled":
        runMetrics.finished.inc({ status: "cancelled" });
        log.info(lineOf(run, { reason: event.payload.reason }), "run cancelled");
        return endRun(run, event.ts, undefined, { code: "Cancelled", message: event.payload.reason });
    }
  }

  return {
    onEvent(event: TSeqEvent): void {
      try {
        if (event.type === "run.started") return startRun(event);
        const run = runs.get(event.runId);
        if (!run) return;
        run.lastEventAt = event.ts;
        observe(run, event);
      } catch (error) {
        log.error({ err: error, runId: event.runId, eventType: event.type }, "run telemetry failed on an event");
      }
    },
  };
}
