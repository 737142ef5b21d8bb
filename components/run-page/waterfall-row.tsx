import { memo } from "react";
import { formatDurationMs } from "./format-run-values";
import styles from "./run-page.module.css";
import type { TWaterfallBar } from "./waterfall-layout";

/** One step (or one of its calls, indented) as a label and a bar; clicking either selects the step. */
export const WaterfallRow = memo(function WaterfallRow({ bar, isSelected, onSelect }: { bar: TWaterfallBar; isSelected: boolean; onSelect: (seq: number) => void }) {
  const isCall = bar.kind === "call";
  const duration = bar.isFromRecord ? "from record" : formatDurationMs(bar.durationMs);
  const title = `${bar.label}${bar.detail ? ` (${bar.detail})` : ""}: ${bar.status}, ${duration}`;
  const barClasses = [styles.bar, styles[`status${bar.status}`], isCall && styles.callBar, bar.isOpen && styles.openBar, bar.isFromRecord && styles.recordBar].filter(Boolean).join(" ");
  const textOnRight = bar.left + bar.width < 0.8;
  return (
    <div className={styles.row} data-testid={isCall ? "waterfall-call" : "waterfall-step"} data-status={bar.status} data-seq={bar.seq}>
      <button type="button" className={[styles.rowLabel, isCall && styles.callLabel, isSelected && !isCall && styles.selected].filter(Boolean).join(" ")} onClick={() => onSelect(bar.seq)} title={title} aria-pressed={isCall ? undefined : isSelected}>
        <span>{bar.label}</span>
        {bar.detail && <span className={styles.muted}>{bar.detail}</span>}
      </button>
      <div className={styles.track} onClick={() => onSelect(bar.seq)} title={title}>
        {!bar.isOutside && <div className={barClasses} style={{ left: `${bar.left * 100}%`, width: `${bar.width * 100}%` }} />}
        {!bar.isOutside && (
          <span className={styles.barText} style={textOnRight ? { left: `calc(${(bar.left + bar.width) * 100}% + 6px)` } : { right: `calc(${(1 - bar.left) * 100}% + 6px)` }}>
            {duration}
          </span>
        )}
      </div>
    </div>
  );
});
