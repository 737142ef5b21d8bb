"use client";

import { useReactFlow } from "@xyflow/react";
import { useCallback, type RefObject } from "react";
import type { TGraphSpec, TNodeTypeRegistry } from "@/lib/graph";
import { findFreePosition } from "./find-free-position";
import { FRAME_REACH } from "./group-edits";
import { getNodeFootprint, getFootprintBoxesOfSpec, type TBox } from "./node-card-geometry";
import { FIT_PADDING } from "./readable-viewport";

type TScreenRect = { left: number; top: number; right: number; bottom: number };

/**
 * Where a palette click puts a node of a type: in the part of the canvas in view (inside the padding the opening view
 * keeps, and room for a frame around it), clear of the nodes and frames there and of what floats over the canvas
 * (minimap, zoom controls), so the new card is seen whole and none of its ports is hidden. See findFreePosition.
 * Inside a ReactFlowProvider.
 */
export function usePalettePlacement(paneRef: RefObject<HTMLElement | null>, registry: TNodeTypeRegistry): (type: string, spec: TGraphSpec) => { x: number; y: number } {
  const flow = useReactFlow();
  return useCallback(
    (type, spec) => {
      const toFlowBox = (rect: TScreenRect): TBox => {
        const topLeft = flow.screenToFlowPosition({ x: rect.left, y: rect.top });
        const bottomRight = flow.screenToFlowPosition({ x: rect.right, y: rect.bottom });
        return { ...topLeft, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
      };
      const definition = registry.get(type);
      const size = getNodeFootprint(definition?.inputs.length ?? 0, definition?.outputs.length ?? 0);
      const pane = paneRef.current;
      const box = pane?.getBoundingClientRect();
      if (!pane || !box || box.width === 0) return { x: 0, y: 0 };
      const inView = toFlowBox({ left: box.left + FIT_PADDING.left, top: box.top + FIT_PADDING.top, right: box.right - FIT_PADDING.right, bottom: box.bottom - FIT_PADDING.bottom });
      // Room for the frame (and its label above) that grouping the new nodes would draw, so it is in view too.
      const view = {
        x: inView.x + FRAME_REACH.left,
        y: inView.y + FRAME_REACH.top,
        width: inView.width - FRAME_REACH.left - FRAME_REACH.right,
        height: inView.height - FRAME_REACH.top - FRAME_REACH.bottom,
      };
      const overlays = [...pane.querySelectorAll(".react-flow__panel")].map((panel) => toFlowBox(panel.getBoundingClientRect()));
      return findFreePosition([...getFootprintBoxesOfSpec(spec, registry), ...overlays], size, view);
    },
    [flow, paneRef, registry],
  );
}
