// Where each step's bar and its attached calls' bars sit on the time axis of the visible window. Pure.
import { isCallFromRecord, type TLiveStep } from "./live-steps";
import type { TStepViewStatus } from "./run-types";

export type TTimeWindow = { from: number; to: number };

export type TWaterfallBar = {
  key: string;
  kind: "step" | "call";
  seq: number;
  /** For calls: the index in the step's recorded calls, when recorded. */
  callIndex?: number;
  label: string;
  detail: string;
  status: TStepViewStatus;
  /** Since the start of the axis. */
  startMs: number;
  durationMs: number;
  /** Still running or waiting: its end is "now". */
  isOpen: boolean;
  /** Fractions of the visible window, clipped to [0, 1]. */
  left: number;
  width: number;
  isOutside: boolean;
  /** A call served from another run's record (replay, fork): it happened then, not inside this step. */
  isFromRecord: boolean;
};

const OPEN_STATUSES: ReadonlySet<TStepViewStatus> = new Set(["running", "retrying", "waiting"]);

/** From the first start (or the run's start) to the last end, or to `now` while something is open. */
export function getTimeBounds(steps: readonly TLiveStep[], run: { startedAt?: number; finishedAt?: number }, now: number): TTimeWindow {
  const starts = steps.map((step) => step.startedAt);
  const ends = steps.flatMap((step) => [step.finishedAt ?? (OPEN_STATUSES.has(step.status) ? now : step.startedAt), ...step.calls.map((call) => call.finishedAt ?? now).filter((end) => end >= step.startedAt)]);
  const from = Math.min(...starts, run.startedAt ?? Infinity);
  if (!Number.isFinite(from)) return { from: now, to: now + 1 };
  const to = Math.max(...ends, run.finishedAt ?? (steps.some((step) => OPEN_STATUSES.has(step.status)) ? now : -Infinity), from + 1);
  return { from, to };
}

export function layoutWaterfall(steps: readonly TLiveStep[], options: { window: TTimeWindow; axisStart: number; now: number; labelOf: (nodeId: string) => string }): TWaterfallBar[] {
  const { window, axisStart, now, labelOf } = options;
  const span = Math.max(1, window.to - window.from);
  const place = (start: number, end: number) => {
    const left = clamp((start - window.from) / span);
    const right = clamp((end - window.from) / span);
    return { left, width: Math.max(0, right - left), isOutside: end < window.from || start > window.to, startMs: start - axisStart, durationMs: Math.max(0, end - start) };
  };
  return steps.flatMap((step) => {
    const isOpen = OPEN_STATUSES.has(step.status) && step.finishedAt === undefined;
    const stepEnd = step.finishedAt ?? (isOpen ? now : step.startedAt);
    const scope = step.scope.length > 0 ? ` [${step.scope.join(", ")}]` : "";
    const bar: TWaterfallBar = {
      key: `step-${step.seq}`,
      kind: "step",
      seq: step.seq,
      label: `${labelOf(step.nodeId)}${scope}`,
      detail: step.attempt > 1 ? `attempt ${step.attempt}` : "",
      status: step.status,
      isOpen,
      isFromRecord: false,
      ...place(step.startedAt, stepEnd),
    };
    const calls = step.calls.map((call): TWaterfallBar => {
      const isFromRecord = isCallFromRecord(call, step);
      const start = isFromRecord ? step.startedAt : call.startedAt;
      const end = isFromRecord ? step.startedAt : (call.finishedAt ?? now);
      return {
        key: `call-${step.seq}-${call.callId}`,
        kind: "call",
        seq: step.seq,
        callIndex: call.index,
        label: labelOf(call.nodeId),
        detail: `${call.kind} · ${call.operation}`,
        status: call.status,
        isOpen: call.status === "running",
        isFromRecord,
        ...place(start, end),
      };
    });
    return [bar, ...calls];
  });
}

function clamp(fraction: number): number {
  return Math.min(1, Math.max(0, fraction));
}
