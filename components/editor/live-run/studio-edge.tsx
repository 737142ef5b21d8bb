"use client";

import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import styles from "../editor.module.css";
import { useRunOverlay } from "./run-overlay-context";
import { useRunEdgeState } from "./run-overlay-store";

/**
 * Every edge of the canvas. While a run is followed it shows the messages delivered along it and, when messages wait
 * in its mailbox, the depth (backpressure), drawn thicker and animated.
 */
export const StudioEdge = memo(function StudioEdge(props: EdgeProps) {
  const live = useRunEdgeState(useRunOverlay(), props.id);
  const [path, labelX, labelY] = getBezierPath(props);
  const isQueued = (live?.depth ?? 0) > 0;
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} style={props.style} className={isQueued ? styles.edgeQueued : undefined} />
      {live && (live.delivered > 0 || isQueued) && (
        <EdgeLabelRenderer>
          <div className={styles.edgeLabel} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }} data-testid={`edge-run-${props.id}`}>
            {live.delivered}
            {isQueued && <span className={styles.edgeDepth} title={`Waiting in the mailbox (peak ${live.maxDepth})`}> · {live.depth} queued</span>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
