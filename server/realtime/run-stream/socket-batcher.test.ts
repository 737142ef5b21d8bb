import { describe, expect, it, vi } from "vitest";
import type { TSeqEvent } from "../../runtime/run-store";
import { BUSY_FRAME_EVENTS, createSocketBatcher, MAX_EVENTS_PER_FRAME } from "./socket-batcher";

const events = (count: number, from = 1) => Array.from({ length: count }, (_, index) => ({ seq: from + index }) as TSeqEvent);

describe("createSocketBatcher", () => {
  it("sends what one tick emitted as one frame right after the tick", async () => {
    const frames: TSeqEvent[][] = [];
    const batcher = createSocketBatcher((frame) => frames.push(frame));
    batcher.push(events(3));
    batcher.push(events(2, 4));
    expect(frames).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(frames.map((frame) => frame.map((event) => event.seq))).toEqual([[1, 2, 3, 4, 5]]);
  });

  it("coalesces a busy stream into frames at most frameMs apart", () => {
    vi.useFakeTimers();
    try {
      const frames: TSeqEvent[][] = [];
      const batcher = createSocketBatcher((frame) => frames.push(frame), 16);
      batcher.push(events(BUSY_FRAME_EVENTS));
      vi.advanceTimersToNextTimer();
      batcher.push(events(1, 100));
      vi.advanceTimersByTime(15);
      batcher.push(events(1, 101));
      expect(frames).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(frames.at(-1)!.map((event) => event.seq)).toEqual([100, 101]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("splits a long backfill into bounded frames", () => {
    const frames: TSeqEvent[][] = [];
    const batcher = createSocketBatcher((frame) => frames.push(frame));
    batcher.push(events(MAX_EVENTS_PER_FRAME * 2 + 1));
    batcher.flush();
    expect(frames.map((frame) => frame.length)).toEqual([MAX_EVENTS_PER_FRAME, MAX_EVENTS_PER_FRAME, 1]);
  });
});
