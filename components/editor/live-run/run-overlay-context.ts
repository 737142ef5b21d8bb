"use client";

import { createContext, useContext } from "react";
import type { TRunOverlayStore } from "./run-overlay-store";

/** The followed run's overlay, for nodes and edges; undefined while no run is followed. */
export const RunOverlayContext = createContext<TRunOverlayStore | undefined>(undefined);

export function useRunOverlay(): TRunOverlayStore | undefined {
  return useContext(RunOverlayContext);
}
