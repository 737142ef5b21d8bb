"use client";

import { useEffect, useRef } from "react";
import { applyRunEvents, EMPTY_RUN_CANVAS_STATE, type TEdgeEnds } from "@/components/realtime/derive-node-states";
import { useRunEvents } from "@/components/realtime/use-run-events";
import type { TRunOverlayStore } from "./run-overlay-store";

/**
 * Follows a run for the canvas: its events (backfill, then live) are folded into the overlay store as they arrive,
 * only the new ones each time; nodes and edges read their own slice of it. Used by `LiveRunFeed`, a component that
 * renders nothing, so a frame of events re-renders the nodes it changed and nothing else of the editor.
 */
export function useLiveRunFeed(store: TRunOverlayStore, workspaceId: string, runId: string | undefined, graphEdges: TEdgeEnds): void {
  const stream = useRunEvents(workspaceId, runId);
  const applied = useRef({ runId: undefined as string | undefined, count: 0 });

  useEffect(() => {
    if (!runId) {
      applied.current = { runId, count: 0 };
      store.set(undefined);
      return;
    }
    const isSameRun = applied.current.runId === runId && stream.events.length >= applied.current.count;
    const base = isSameRun ? (store.get() ?? EMPTY_RUN_CANVAS_STATE) : EMPTY_RUN_CANVAS_STATE;
    const fresh = stream.events.slice(isSameRun ? applied.current.count : 0);
    applied.current = { runId, count: stream.events.length };
    if (fresh.length > 0 || !isSameRun) store.set(applyRunEvents(base, fresh, graphEdges));
  }, [runId, stream.events, graphEdges, store]);

  useEffect(() => store.setStreamStatus(runId ? stream.status : undefined), [runId, stream.status, store]);
}

export function LiveRunFeed(props: { store: TRunOverlayStore; workspaceId: string; runId: string | undefined; graphEdges: TEdgeEnds }) {
  useLiveRunFeed(props.store, props.workspaceId, props.runId, props.graphEdges);
  return null;
}
