// W3C Trace Context for runs. A run has one trace id (Run.traceId); each attempt of a step and each attached call has a
// span id derived from where it sits in the run, so the runtime can hand a node the `traceparent` of its own span
// before anything is exported, and the telemetry that builds spans from run events (server/telemetry) arrives at the
// same ids without being told. No tracing library here: just ids and the header's text.
import { createHash } from "node:crypto";

export type TRunTrace = {
  /** 32 lowercase hex digits. */
  traceId: string;
  /** The span the run continues (a webhook sender's, a parent run's step), 16 hex digits; null for a root. */
  parentSpanId: string | null;
};

export type TTraceparent = { traceId: string; spanId: string; isSampled: boolean };

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZEROS = /^0+$/;

/**
 * A `traceparent` header as W3C Trace Context level 1 reads it: version `ff` and all-zero ids are invalid; version 00
 * has exactly four fields; a later version may append fields, which are ignored. Anything else is undefined.
 */
export function parseTraceparent(header: string | string[] | undefined): TTraceparent | undefined {
  if (typeof header !== "string") return undefined;
  const match = TRACEPARENT.exec(header.trim());
  if (!match) return undefined;
  const [, version, traceId, spanId, flags, rest] = match as unknown as [string, string, string, string, string, string | undefined];
  if (version === "ff" || (version === "00" && rest !== undefined)) return undefined;
  if (ALL_ZEROS.test(traceId) || ALL_ZEROS.test(spanId)) return undefined;
  return { traceId, spanId, isSampled: (parseInt(flags, 16) & 1) === 1 };
}

/** Sampled: the studio records every run it traces. */
export function formatTraceparent(traceId: string, spanId: string): string {
  return `00-${traceId}-${spanId}-01`;
}

/** A run created before runs had a trace id gets one derived from its id, the same in every process. */
export function traceOfRun(run: { id: string; trace?: TRunTrace | null }): TRunTrace {
  return run.trace ?? { traceId: hashHex(`trace:${run.id}`, 32), parentSpanId: null };
}

/**
 * The span of one attempt of a step: a retry or a re-execution after a crash is its own span, and so is the resume of
 * a step that parked on a wait (it runs again, with the same seq and attempt, once the wait is resolved).
 */
export function stepSpanId(runId: string, stepSeq: number, attempt: number, isResume = false): string {
  return hashHex(`step:${runId}:${stepSeq}:${attempt}${isResume ? ":resume" : ""}`, 16);
}

/** The span of an attached call (model, tool, memory) made during the step attempt `stepSpan`. */
export function callSpanId(stepSpan: string, callId: string): string {
  return hashHex(`call:${stepSpan}:${callId}`, 16);
}

function hashHex(text: string, length: 16 | 32): string {
  const hex = createHash("sha256").update(text).digest("hex").slice(0, length);
  // An all-zero id is invalid; sha256 prefixes of these inputs are never that, but the header must stay valid.
  return ALL_ZEROS.test(hex) ? `${hex.slice(0, -1)}1` : hex;
}
