import type { TTimeWindow } from "./waterfall-layout";
import { formatDurationMs } from "./format-run-values";

export type TTimeTick = { position: number; label: string };

/** Round instants (1, 2 or 5 times a power of ten ms) across the window, labelled by their offset from the axis start. */
export function getTimeTicks(window: TTimeWindow, axisStart: number, maxTicks = 6): TTimeTick[] {
  const span = window.to - window.from;
  if (span <= 0) return [];
  const rough = span / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((multiple) => multiple * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  const first = Math.ceil((window.from - axisStart) / step) * step;
  const ticks: TTimeTick[] = [];
  for (let offset = first; axisStart + offset <= window.to; offset += step) {
    ticks.push({ position: (axisStart + offset - window.from) / span, label: formatDurationMs(offset) });
  }
  return ticks;
}
