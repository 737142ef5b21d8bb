// The steps the run page shows: the recorded ones (`run.steps`) and, for steps not recorded yet, what the live events
// say (a step is recorded only when it ends or parks). Pure, so the waterfall can be tested without a server.
import type { TRunStreamEvent } from "../realtime/use-run-events";
import { toMs, type TInstant, type TStepViewStatus, type TUsage } from "./run-types";

export type TStepRecordLike = {
  seq: number;
  nodeId: string;
  scope: unknown;
  attempt: number;
  status: string;
  startedAt: TInstant;
  finishedAt: TInstant | null;
  effects: unknown;
  usage: unknown;
};

export type TLiveCall = {
  callId: string;
  nodeId: string;
  kind: "model" | "tool" | "memory";
  operation: string;
  startedAt: number;
  finishedAt?: number;
  status: "running" | "succeeded" | "failed";
  usage?: TUsage;
  /** Its index in the step's recorded `effects.calls` (what `run.stepValue` needs); absent while only events know it. */
  index?: number;
};

export type TLiveStep = {
  seq: number;
  nodeId: string;
  scope: number[];
  attempt: number;
  status: TStepViewStatus;
  startedAt: number;
  finishedAt?: number;
  calls: TLiveCall[];
  usage?: TUsage;
  isRecorded: boolean;
};

type TRecordedCall = { callId: string; nodeId: string; kind: TLiveCall["kind"]; operation: string; startedAt: number; finishedAt: number; error?: unknown; usage?: TUsage };

const FINAL_STEP_STATUSES = new Set(["succeeded", "failed", "skipped", "cancelled"]);

/**
 * Recorded steps win once final. A recorded `waiting` step that events show running again (an approval was decided)
 * follows the events. Steps still open when the run ended were cut off by it: cancelled, or failed with the run.
 */
export function mergeLiveSteps(records: readonly TStepRecordLike[], events: readonly TRunStreamEvent[], runEnd?: { status: string; at: number }): TLiveStep[] {
  const steps = new Map<number, TLiveStep>();
  for (const record of records) steps.set(record.seq, fromRecord(record));
  for (const event of events) applyEvent(steps, event);
  const ordered = [...steps.values()].sort((a, b) => a.seq - b.seq);
  if (!runEnd || !FINAL_STEP_STATUSES.has(runEnd.status)) return ordered;
  return ordered.map((step) => (step.finishedAt === undefined && step.status !== "waiting" ? { ...step, status: runEnd.status === "failed" ? "failed" : "cancelled", finishedAt: Math.max(step.startedAt, runEnd.at) } : step));
}

function fromRecord(record: TStepRecordLike): TLiveStep {
  const recordedCalls = ((record.effects as { calls?: TRecordedCall[] } | null)?.calls ?? []) as TRecordedCall[];
  const status = record.status as TStepViewStatus;
  return {
    seq: record.seq,
    nodeId: record.nodeId,
    scope: Array.isArray(record.scope) ? (record.scope as number[]) : [],
    attempt: record.attempt,
    status,
    startedAt: toMs(record.startedAt),
    finishedAt: status === "waiting" ? undefined : toMs(record.finishedAt),
    usage: (record.usage as TUsage | null) ?? undefined,
    isRecorded: true,
    calls: recordedCalls.map((call, index) => ({
      callId: call.callId,
      nodeId: call.nodeId,
      kind: call.kind,
      operation: call.operation,
      startedAt: call.startedAt,
      finishedAt: call.finishedAt,
      status: call.error ? "failed" : "succeeded",
      usage: call.usage,
      index,
    })),
  };
}

function applyEvent(steps: Map<number, TLiveStep>, event: TRunStreamEvent): void {
  const payload = event.payload as { stepSeq?: number; attempt?: number; scope?: number[] } & Record<string, unknown>;
  const seq = payload.stepSeq;
  if (typeof seq !== "number" || !event.nodeId) return;
  const existing = steps.get(seq);
  // A final record already holds everything these events say.
  if (existing?.isRecorded && FINAL_STEP_STATUSES.has(existing.status)) return;
  switch (event.type) {
    case "node.started":
      {
        // A retry keeps the step's start; a step resumed after a wait starts again, as its record will say.
        const isContinued = existing !== undefined && !existing.isRecorded && existing.status !== "waiting";
        const startedAt = isContinued ? existing.startedAt : event.ts;
        steps.set(seq, { seq, nodeId: event.nodeId, scope: payload.scope ?? [], attempt: payload.attempt ?? 1, status: "running", startedAt, calls: [], isRecorded: false });
      }
      return;
    case "node.retrying":
      if (existing) steps.set(seq, { ...existing, status: "retrying", attempt: payload.attempt ?? existing.attempt, calls: [] });
      return;
    case "node.waiting":
      if (existing) steps.set(seq, { ...existing, status: "waiting", finishedAt: undefined });
      return;
    case "node.completed":
    case "node.failed":
    case "node.skipped": {
      const status = event.type === "node.completed" ? "succeeded" : event.type === "node.failed" ? "failed" : "skipped";
      const base = existing ?? { seq, nodeId: event.nodeId, scope: [], attempt: 1, startedAt: event.ts, calls: [], isRecorded: false };
      steps.set(seq, { ...base, status, finishedAt: event.ts });
      return;
    }
    case "node.call_started":
    case "node.call_finished":
      if (existing && !existing.isRecorded) steps.set(seq, { ...existing, calls: applyCallEvent(existing.calls, event) });
      return;
    default:
      return;
  }
}

function applyCallEvent(calls: TLiveCall[], event: TRunStreamEvent): TLiveCall[] {
  const payload = event.payload as { callId?: string; kind?: TLiveCall["kind"]; operation?: string; ok?: boolean; usage?: TUsage };
  // A payload too big to stream arrives as a note without its call id: the record brings the call once the step ends.
  if (!payload.callId) return calls;
  if (event.type === "node.call_started") {
    return [...calls, { callId: payload.callId, nodeId: event.nodeId!, kind: payload.kind ?? "tool", operation: payload.operation ?? "", startedAt: event.ts, status: "running" }];
  }
  return calls.map((call) => (call.callId === payload.callId ? { ...call, finishedAt: event.ts, status: payload.ok === false ? "failed" : "succeeded", usage: payload.usage } : call));
}

/** A call served from another run's record (replay, fork) ended before this step began: it happened in that run. */
export function isCallFromRecord(call: TLiveCall, step: TLiveStep): boolean {
  return call.finishedAt !== undefined && call.finishedAt < step.startedAt;
}

type TCallCounts = Record<TLiveCall["kind"], number>;

/** Attached calls made in this run and served from a record; a replay makes none, so its model calls are all served. */
export function countCalls(steps: readonly TLiveStep[]): { live: TCallCounts; fromRecord: TCallCounts } {
  const live = { model: 0, tool: 0, memory: 0 };
  const fromRecord = { model: 0, tool: 0, memory: 0 };
  for (const step of steps) for (const call of step.calls) (isCallFromRecord(call, step) ? fromRecord : live)[call.kind] += 1;
  return { live, fromRecord };
}
