import type { TRunStreamEvent } from "../realtime/use-run-events";
import { formatDurationMs, formatSize } from "./format-run-values";

type TPayload = Record<string, unknown> & { error?: { message?: string } };

/** One line per event for the log: what happened, without the event's type and node (shown beside it). */
export function describeEvent(event: TRunStreamEvent): string {
  const payload = (event.payload ?? {}) as TPayload;
  if (payload.truncated === true) return `payload too large to stream (${formatSize(Number(payload.size ?? 0))}); the step holds it`;
  switch (event.type) {
    case "run.started":
      return payload.isResumed ? "resumed" : "started";
    case "run.waiting":
      return `waiting for ${(payload.nodeIds as string[] | undefined)?.join(", ") ?? "a node"}`;
    case "run.completed":
      return "completed";
    case "run.failed":
      return payload.error?.message ?? "failed";
    case "run.cancelled":
      return String(payload.reason ?? "cancelled");
    case "node.started":
      return `step ${payload.stepSeq} started${Number(payload.attempt) > 1 ? `, attempt ${payload.attempt}` : ""}`;
    case "node.completed":
      return `step ${payload.stepSeq} completed in ${formatDurationMs(Number(payload.durationMs))}${(payload.ports as string[] | undefined)?.length ? ` → ${(payload.ports as string[]).join(", ")}` : ""}`;
    case "node.failed":
      return `step ${payload.stepSeq} failed: ${payload.error?.message ?? ""}`;
    case "node.retrying":
      return `step ${payload.stepSeq} retries (attempt ${payload.attempt}) in ${formatDurationMs(Number(payload.delayMs))}: ${payload.error?.message ?? ""}`;
    case "node.waiting":
      return `step ${payload.stepSeq} waits (${payload.kind})`;
    case "node.skipped":
      return `step ${payload.stepSeq} skipped`;
    case "node.output_chunk":
      return String(payload.chunk ?? "");
    case "node.log":
      return `[${payload.level}] ${payload.message}`;
    case "node.call_started":
      return `${payload.kind} call ${payload.operation} by ${payload.callerNodeId} started`;
    case "node.call_finished":
      return `${payload.kind} call ${payload.operation} ${payload.ok === false ? `failed: ${(payload.error as { message?: string } | undefined)?.message ?? ""}` : "ok"} in ${formatDurationMs(Number(payload.durationMs))}`;
    case "model.retry":
      return `model call ${payload.callId} by ${payload.callerNodeId} retries (attempt ${payload.attempt}) in ${formatDurationMs(Number(payload.delayMs))}: ${payload.error?.message ?? ""}; the ${payload.discardedChars} characters it streamed are discarded`;
    case "edge.depth":
      return Object.entries((payload.depths ?? {}) as Record<string, number>).map(([edge, depth]) => `${edge}: ${depth}`).join(", ");
    case "node.created":
      return "instance created";
    case "node.activated":
      return `activated (step ${payload.stepSeq})`;
    case "node.retired":
      return `retired after ${payload.activations} activations`;
    default:
      return "";
  }
}
