import type { TRunStreamEvent } from "../realtime/use-run-events";
import { findDiscardedChunks } from "./discarded-chunks";

export type TStepLog = { seq: number; ts: number; level: string; message: string };

/** A step's logs (`node.log`) and the text it streamed (`node.output_chunk`, without what retried model calls voided). */
export function getStepActivity(events: readonly TRunStreamEvent[], stepSeq: number): { logs: TStepLog[]; text: string } {
  const logs: TStepLog[] = [];
  const discarded = findDiscardedChunks(events);
  let text = "";
  for (const event of events) {
    const payload = event.payload as { stepSeq?: number; level?: string; message?: string; chunk?: string };
    if (payload.stepSeq !== stepSeq) continue;
    // A retried attempt streams its text again from the start.
    if (event.type === "node.started") text = "";
    if (event.type === "node.log") logs.push({ seq: event.seq, ts: event.ts, level: payload.level ?? "info", message: payload.message ?? "" });
    if (event.type === "node.output_chunk" && !discarded.has(event.seq)) text += payload.chunk ?? "";
  }
  return { logs, text };
}

/** Tokens and cost summed over steps (the run's own usage may be written only when it ends). */
export function sumStepUsage(steps: readonly { usage: unknown }[]): { tokens: number; costUsd: number } | null {
  const usages = steps.map((step) => step.usage as { tokens?: number; costUsd?: number } | null).filter((usage) => usage !== null && usage !== undefined);
  if (usages.length === 0) return null;
  return { tokens: usages.reduce((sum, usage) => sum + (usage.tokens ?? 0), 0), costUsd: usages.reduce((sum, usage) => sum + (usage.costUsd ?? 0), 0) };
}
