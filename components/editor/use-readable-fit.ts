"use client";

import { useReactFlow, type Rect } from "@xyflow/react";
import { useCallback, type RefObject } from "react";
import { getReadableViewport } from "./readable-viewport";

/**
 * Moves the view onto `bounds` (flow coordinates) at a readable zoom (see getReadableViewport), in the pane that
 * `paneRef` holds. Bounds come from the spec (getCardBoundsOfSpec), not from measuring the canvas, so the opening view
 * needs no wait for a thousand nodes to be measured. Inside a ReactFlowProvider.
 */
export function useReadableFit(paneRef: RefObject<HTMLElement | null>): (bounds: Rect | undefined) => void {
  const flow = useReactFlow();
  return useCallback(
    (bounds) => {
      const pane = paneRef.current?.getBoundingClientRect();
      if (!bounds || !pane || pane.width === 0 || pane.height === 0) return;
      void flow.setViewport(getReadableViewport(bounds, pane));
    },
    [flow, paneRef],
  );
}
