// Which token events a retried model call voided. A `model.retry` says how many characters its failed attempt streamed
// (`discardedChars`) through the caller's `node.output_chunk` events; walking back from it, the caller's chunks of
// that step are void until those characters are accounted for, never past the call's own start. Pure.
import type { TRunStreamEvent } from "../realtime/use-run-events";

type TRetryPayload = { stepSeq?: number; callId?: string; callerNodeId?: string; discardedChars?: number };
type TChunkPayload = { stepSeq?: number; callId?: string; chunk?: string };

/** The seqs of the void `node.output_chunk` events. */
export function findDiscardedChunks(events: readonly TRunStreamEvent[]): Set<number> {
  const discarded = new Set<number>();
  events.forEach((event, index) => {
    if (event.type !== "model.retry") return;
    const retry = event.payload as TRetryPayload;
    let left = retry.discardedChars ?? 0;
    for (let at = index - 1; at >= 0 && left > 0; at--) {
      const earlier = events[at]!;
      const payload = earlier.payload as TChunkPayload;
      if (earlier.type === "node.call_started" && earlier.nodeId === event.nodeId && payload.callId === retry.callId) break;
      if (earlier.type !== "node.output_chunk" || earlier.nodeId !== retry.callerNodeId || payload.stepSeq !== retry.stepSeq) continue;
      // An earlier retry of the same call already voided these.
      if (discarded.has(earlier.seq)) continue;
      discarded.add(earlier.seq);
      left -= (payload.chunk ?? "").length;
    }
  });
  return discarded;
}
