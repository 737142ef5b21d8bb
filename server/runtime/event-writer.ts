// Gives run events their per-run seq, hands them to subscribers at once, and persists them in batches (multi-row
// inserts, never inside a step transaction).
import type { TRunEvent } from "./events";
import type { TRunStore, TSeqEvent } from "./run-store";

const FLUSH_AFTER_MS = 20;
const FLUSH_AT_COUNT = 500;

export function createEventWriter(options: { store: TRunStore; onEvent?: (event: TSeqEvent) => void; onError: (error: unknown, context: string) => void }) {
  const nextSeq = new Map<string, number>();
  let buffer: TSeqEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const batch = buffer;
    buffer = [];
    if (batch.length > 0) {
      writing = writing.then(() => options.store.appendEvents(batch)).catch((error: unknown) => options.onError(error, "append events"));
    }
    return writing;
  }

  return {
    startRun(runId: string, seq: number): void {
      if (!nextSeq.has(runId) || nextSeq.get(runId)! < seq) nextSeq.set(runId, seq);
    },
    emit(event: TRunEvent): void {
      const seq = nextSeq.get(event.runId) ?? 1;
      nextSeq.set(event.runId, seq + 1);
      const withSeq = { ...event, seq } as TSeqEvent;
      buffer.push(withSeq);
      options.onEvent?.(withSeq);
      if (buffer.length >= FLUSH_AT_COUNT) void flush();
      else timer ??= setTimeout(() => void flush(), FLUSH_AFTER_MS);
    },
    flush,
  };
}
