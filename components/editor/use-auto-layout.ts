"use client";

import { useCallback, useState, type RefObject } from "react";
import type { TGraphSpec, TNodeTypeRegistry } from "@/lib/graph";
import { computeAutoLayout } from "./auto-layout";
import { getCardBoundsOfSpec, getFootprintsOfSpec } from "./node-card-geometry";

type TAutoLayoutOptions = {
  /** The spec as last edited: a new object after every edit, move or adopted draft. */
  specRef: RefObject<TGraphSpec>;
  getSpec: () => TGraphSpec;
  /** Puts a whole spec on the canvas as one undo entry, then saves it. */
  applyEdit: (before: TGraphSpec, next: TGraphSpec) => void;
  /** Moves the view onto bounds in flow coordinates at a readable zoom. */
  fitReadable: (bounds: ReturnType<typeof getCardBoundsOfSpec>) => void;
  registry: TNodeTypeRegistry;
};

/**
 * Auto-layout as an undoable edit. ELK loads on first use and takes a moment on a slow machine: meanwhile the button
 * says it is busy, and an edit made meanwhile (a node added, an edge drawn) is laid out again with the rest, never
 * undone by a layout of the graph as it was. The view moves onto the result in the same step as the nodes.
 */
export function useAutoLayout({ specRef, getSpec, applyEdit, fitReadable, registry }: TAutoLayoutOptions) {
  const [isLayingOut, setIsLayingOut] = useState(false);
  const autoLayout = useCallback(async () => {
    setIsLayingOut(true);
    try {
      let laidOut: TGraphSpec;
      let laidOutFrom: TGraphSpec;
      do {
        laidOutFrom = specRef.current;
        const current = getSpec();
        // Footprints, not drawn sizes: each node keeps the room under it that a followed run's text needs.
        laidOut = await computeAutoLayout(current, getFootprintsOfSpec(current, registry));
      } while (specRef.current !== laidOutFrom);
      applyEdit(getSpec(), laidOut);
      fitReadable(getCardBoundsOfSpec(laidOut, registry));
    } finally {
      setIsLayingOut(false);
    }
  }, [applyEdit, fitReadable, getSpec, registry, specRef]);
  return { isLayingOut, autoLayout };
}
