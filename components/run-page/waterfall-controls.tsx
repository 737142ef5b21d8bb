import { Button } from "../ui/button";
import styles from "./run-page.module.css";
import type { TTimeWindow } from "./waterfall-layout";
import { RANGE_STEPS, rangeToWindow, windowToRange } from "./zoom-window";

/** Two range handles over the whole run (start and end of the visible window), zoom buttons, and "Fit". */
export function WaterfallControls(props: { window: TTimeWindow; bounds: TTimeWindow; isFit: boolean; onChange: (window: TTimeWindow | null) => void; onZoom: (factor: number) => void }) {
  const [low, high] = windowToRange(props.window, props.bounds);
  return (
    <div className={styles.waterfallControls}>
      <label>
        From{" "}
        <input type="range" min={0} max={RANGE_STEPS} value={low} aria-label="Window start" onChange={(event) => props.onChange(rangeToWindow([Math.min(Number(event.target.value), high - 1), high], props.bounds))} />
      </label>
      <label>
        to{" "}
        <input type="range" min={0} max={RANGE_STEPS} value={high} aria-label="Window end" onChange={(event) => props.onChange(rangeToWindow([low, Math.max(Number(event.target.value), low + 1)], props.bounds))} />
      </label>
      <Button variant="ghost" onClick={() => props.onZoom(0.5)} aria-label="Zoom in">
        +
      </Button>
      <Button variant="ghost" onClick={() => props.onZoom(2)} aria-label="Zoom out">
        −
      </Button>
      <Button variant="ghost" onClick={() => props.onChange(null)} disabled={props.isFit}>
        Fit
      </Button>
      <span className={styles.muted}>Ctrl + wheel over the bars (or wheel over the axis) zooms.</span>
    </div>
  );
}
