// Per-socket outbox. Events emitted in the same tick leave together in one `run:events` frame right after it; once
// a stream is busy (a frame carried BUSY_FRAME_EVENTS or more), frames are coalesced over up to `frameMs` (~one
// animation frame), so a client gets at most ~60 frames/s under load but an idle-ish stream is not delayed by 16 ms.
import type { TSeqEvent } from "../../runtime/run-store";

export const FRAME_MS = 16;
export const BUSY_FRAME_EVENTS = 32;
/** A backfill of a long run leaves in several frames, so no single message grows past socket.io's buffer limits. */
export const MAX_EVENTS_PER_FRAME = 500;

export function createSocketBatcher(send: (events: TSeqEvent[]) => void, frameMs = FRAME_MS) {
  let queue: TSeqEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let immediate: ReturnType<typeof setImmediate> | undefined;
  let isBusy = false;
  const flush = () => {
    timer = undefined;
    immediate = undefined;
    const events = queue;
    queue = [];
    isBusy = events.length >= BUSY_FRAME_EVENTS;
    for (let start = 0; start < events.length; start += MAX_EVENTS_PER_FRAME) send(events.slice(start, start + MAX_EVENTS_PER_FRAME));
  };
  return {
    push(events: TSeqEvent[]): void {
      if (events.length === 0) return;
      queue.push(...events);
      if (timer || immediate) return;
      if (isBusy) timer = setTimeout(flush, frameMs);
      else immediate = setImmediate(flush);
    },
    flush,
    stop(): void {
      if (timer) clearTimeout(timer);
      if (immediate) clearImmediate(immediate);
      timer = undefined;
      immediate = undefined;
      queue = [];
    },
  };
}
