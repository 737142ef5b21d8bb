// Per-socket outbox: events queue up and leave as one `run:events` frame at most every `frameMs` (~one animation
// frame), so a token stream of 1,000 events/s costs a client about 60 messages/s, not 1,000.
import type { TSeqEvent } from "../../runtime/run-store";

export const FRAME_MS = 16;
/** A backfill of a long run leaves in several frames, so no single message grows past socket.io's buffer limits. */
export const MAX_EVENTS_PER_FRAME = 500;

export function createSocketBatcher(send: (events: TSeqEvent[]) => void, frameMs = FRAME_MS) {
  let queue: TSeqEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (queue.length === 0) return;
    const events = queue;
    queue = [];
    for (let start = 0; start < events.length; start += MAX_EVENTS_PER_FRAME) send(events.slice(start, start + MAX_EVENTS_PER_FRAME));
  };
  return {
    push(events: TSeqEvent[]): void {
      if (events.length === 0) return;
      queue.push(...events);
      timer ??= setTimeout(flush, frameMs);
    },
    flush,
    stop(): void {
      if (timer) clearTimeout(timer);
      timer = undefined;
      queue = [];
    },
  };
}
