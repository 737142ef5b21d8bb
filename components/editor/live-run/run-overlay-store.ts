// The live run's state for the canvas, outside React state: each node and edge subscribes to its own slice
// (useSyncExternalStore), so a token arriving in one agent node re-renders that node only, not the 1,000 others.
import { useSyncExternalStore } from "react";
import type { TEdgeRunState, TNodeRunState, TRunCanvasState } from "@/components/realtime/derive-node-states";

export type TRunOverlayStore = ReturnType<typeof createRunOverlayStore>;

export type TStreamStatus = "connecting" | "live" | "polling" | "ended";

export function createRunOverlayStore() {
  let state: TRunCanvasState | undefined;
  let streamStatus: TStreamStatus | undefined;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  return {
    set(next: TRunCanvasState | undefined): void {
      state = next;
      notify();
    },
    get: () => state,
    /** The socket stream's state: "connecting" while the connection is down (it resumes by itself). */
    setStreamStatus(next: TStreamStatus | undefined): void {
      if (next === streamStatus) return;
      streamStatus = next;
      notify();
    },
    getStreamStatus: () => streamStatus,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useRunNodeState(store: TRunOverlayStore | undefined, nodeId: string): TNodeRunState | undefined {
  return useSyncExternalStore(
    store?.subscribe ?? noSubscribe,
    () => store?.get()?.nodes[nodeId],
    () => undefined,
  );
}

export function useRunEdgeState(store: TRunOverlayStore | undefined, edgeId: string): TEdgeRunState | undefined {
  return useSyncExternalStore(
    store?.subscribe ?? noSubscribe,
    () => store?.get()?.edges[edgeId],
    () => undefined,
  );
}

function noSubscribe(): () => void {
  return () => undefined;
}

export function useRunStatus(store: TRunOverlayStore | undefined): TRunCanvasState["runStatus"] | undefined {
  return useSyncExternalStore(
    store?.subscribe ?? noSubscribe,
    () => store?.get()?.runStatus,
    () => undefined,
  );
}

export function useStreamStatus(store: TRunOverlayStore | undefined): TStreamStatus | undefined {
  return useSyncExternalStore(
    store?.subscribe ?? noSubscribe,
    () => store?.getStreamStatus(),
    () => undefined,
  );
}
