// The waterfall's visible time window: wheel zoom around the pointer, a two-handle range slider, and "fit".
import type { TTimeWindow } from "./waterfall-layout";

/** The narrowest window: a millisecond, or the whole axis when that is shorter. */
const MIN_SPAN_MS = 1;
export const RANGE_STEPS = 1_000;

/** Keeps a window inside the axis and at least MIN_SPAN_MS wide, moving it rather than shrinking it where it can. */
export function clampWindow(window: TTimeWindow, bounds: TTimeWindow): TTimeWindow {
  const boundsSpan = bounds.to - bounds.from;
  const span = Math.min(boundsSpan, Math.max(MIN_SPAN_MS, window.to - window.from));
  const from = Math.min(Math.max(window.from, bounds.from), bounds.to - span);
  return { from, to: from + span };
}

/** `factor` < 1 zooms in, > 1 out; the instant under `anchor` (0..1 across the window) stays where it is. */
export function zoomWindow(window: TTimeWindow, bounds: TTimeWindow, factor: number, anchor: number): TTimeWindow {
  const span = window.to - window.from;
  const pivot = window.from + span * anchor;
  const nextSpan = span * factor;
  return clampWindow({ from: pivot - nextSpan * anchor, to: pivot - nextSpan * anchor + nextSpan }, bounds);
}

/** The window as the slider's two handles, in steps of RANGE_STEPS across the axis. */
export function windowToRange(window: TTimeWindow, bounds: TTimeWindow): [number, number] {
  const span = Math.max(1, bounds.to - bounds.from);
  return [Math.round(((window.from - bounds.from) / span) * RANGE_STEPS), Math.round(((window.to - bounds.from) / span) * RANGE_STEPS)];
}

export function rangeToWindow(range: readonly [number, number], bounds: TTimeWindow): TTimeWindow {
  const span = bounds.to - bounds.from;
  const [low, high] = range[0] <= range[1] ? range : [range[1], range[0]];
  return clampWindow({ from: bounds.from + (span * low) / RANGE_STEPS, to: bounds.from + (span * high) / RANGE_STEPS }, bounds);
}
