import { getViewportForBounds, type Rect, type Viewport } from "@xyflow/react";
import { READABLE_ZOOM } from "./node-card-geometry";

/**
 * Room kept between the graph and the canvas's edges when it is fitted, in screen pixels; more at the bottom, where the
 * zoom controls sit, so they never cover a node the canvas opens with.
 */
export const FIT_PADDING = { top: 24, right: 24, bottom: 56, left: 24 };
const MAX_FIT_ZOOM = 1.25;
const PADDING_OPTION = { top: `${FIT_PADDING.top}px`, right: `${FIT_PADDING.right}px`, bottom: `${FIT_PADDING.bottom}px`, left: `${FIT_PADDING.left}px` } as const;

/**
 * The view the canvas opens at: the whole graph when it fits at a readable zoom, otherwise the readable zoom with the
 * graph's start (its left edge, its top edge when it is also too tall) in view, since entry nodes sit on the left.
 */
export function getReadableViewport(bounds: Rect, pane: { width: number; height: number }): Viewport {
  const fitted = getViewportForBounds(bounds, pane.width, pane.height, READABLE_ZOOM, MAX_FIT_ZOOM, PADDING_OPTION);
  const { zoom } = fitted;
  const fitsAcross = bounds.width * zoom <= pane.width - FIT_PADDING.left - FIT_PADDING.right;
  const fitsDown = bounds.height * zoom <= pane.height - FIT_PADDING.top - FIT_PADDING.bottom;
  return {
    zoom,
    x: fitsAcross ? fitted.x : FIT_PADDING.left - bounds.x * zoom,
    y: fitsDown ? fitted.y : FIT_PADDING.top - bounds.y * zoom,
  };
}
