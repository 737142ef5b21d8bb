"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { TLiveStep } from "./live-steps";
import styles from "./run-page.module.css";
import { getTimeTicks } from "./time-ticks";
import { WaterfallControls } from "./waterfall-controls";
import { layoutWaterfall, type TTimeWindow } from "./waterfall-layout";
import { WaterfallRow } from "./waterfall-row";
import { clampWindow, zoomWindow } from "./zoom-window";

/**
 * Steps as bars on the run's time axis, each step's model/tool/memory calls nested under it. The window follows the
 * whole run ("fit", growing while it runs) until the user zooms: wheel, range handles or buttons.
 */
export function Waterfall(props: { steps: readonly TLiveStep[]; bounds: TTimeWindow; now: number; selectedSeq: number | null; onSelect: (seq: number) => void; labelOf: (nodeId: string) => string }) {
  const { bounds } = props;
  const [zoomed, setZoomed] = useState<TTimeWindow | null>(null);
  const view = zoomed ? clampWindow(zoomed, bounds) : bounds;
  const { from, to } = view;
  const bars = useMemo(() => layoutWaterfall(props.steps, { window: { from, to }, axisStart: bounds.from, now: props.now, labelOf: props.labelOf }), [props.steps, from, to, bounds.from, props.now, props.labelOf]);
  const ticks = getTimeTicks(view, bounds.from);
  const gridRef = useRef<HTMLDivElement>(null);
  const axisRef = useRef<HTMLDivElement>(null);
  const latest = useRef({ view, bounds });
  useEffect(() => {
    latest.current = { view, bounds };
  });

  // React's wheel listeners are passive: preventDefault (keeping the page from scrolling while zooming) needs our own.
  useEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const onWheel = (event: WheelEvent) => {
      const axis = axisRef.current;
      if (!axis) return;
      const isOverAxis = axis.contains(event.target as Node);
      if (!isOverAxis && !event.ctrlKey && !event.metaKey) return;
      const box = axis.getBoundingClientRect();
      if (event.clientX < box.left) return;
      event.preventDefault();
      const anchor = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
      setZoomed(zoomWindow(latest.current.view, latest.current.bounds, event.deltaY > 0 ? 1.25 : 0.8, anchor));
    };
    grid.addEventListener("wheel", onWheel, { passive: false });
    return () => grid.removeEventListener("wheel", onWheel);
  }, []);

  return (
    <section className={styles.card} aria-label="Waterfall">
      <h2 className={styles.cardTitle}>Steps</h2>
      <WaterfallControls window={view} bounds={bounds} isFit={!zoomed} onChange={setZoomed} onZoom={(factor) => setZoomed(zoomWindow(view, bounds, factor, 0.5))} />
      <div className={styles.waterfall} ref={gridRef} data-testid="waterfall">
        <div className={styles.axisLabel}>{props.steps.length} steps</div>
        <div className={styles.axis} ref={axisRef} aria-hidden="true">
          {ticks.map((tick) => (
            <span key={tick.label} className={styles.tick} style={{ left: `${tick.position * 100}%` }}>
              {tick.label}
            </span>
          ))}
        </div>
        {bars.map((bar) => (
          <WaterfallRow key={bar.key} bar={bar} isSelected={bar.seq === props.selectedSeq} onSelect={props.onSelect} />
        ))}
      </div>
      {props.steps.length === 0 && <p className={styles.muted}>No step has started yet.</p>}
    </section>
  );
}
