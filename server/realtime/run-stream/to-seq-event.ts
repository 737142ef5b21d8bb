import type { TRunEvent } from "../../runtime/events";
import type { TSeqEvent } from "../../runtime/run-store";

/** Events over this size go out with their payload replaced by a note; the full value stays in the database. */
export const MAX_STREAMED_PAYLOAD_CHARS = 16_384;

type TEventRow = { runId: string; seq: number; type: string; nodeId: string | null; payload: unknown; ts: Date };

export function rowToSeqEvent(row: TEventRow): TSeqEvent {
  return { runId: row.runId, seq: row.seq, type: row.type, nodeId: row.nodeId, payload: row.payload, ts: row.ts.getTime() } as TSeqEvent;
}

/** A frame never carries a huge payload (a 5 MB tool result): the client loads the full value on demand. */
export function truncateForStream(event: TSeqEvent): TSeqEvent {
  const size = JSON.stringify(event.payload ?? null).length;
  if (size <= MAX_STREAMED_PAYLOAD_CHARS) return event;
  const payload = event.payload as { stepSeq?: unknown };
  return { ...event, payload: { truncated: true, size, stepSeq: payload?.stepSeq } } as unknown as TSeqEvent;
}

export type { TRunEvent };
