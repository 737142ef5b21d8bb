// Backpressure made visible: messages waiting per edge, reported only when they changed (`edge.depth` events).
import type { TFrontier } from "./frontier/frontier";

/** Messages waiting per edge; `update` returns the depths that changed since the last call, if any. */
export function createEdgeDepthTracker() {
  let last = new Map<string, number>();
  return {
    update(frontier: TFrontier): Record<string, number> | undefined {
      const current = new Map<string, number>();
      for (const message of frontier.pending) if (message.edgeId) current.set(message.edgeId, (current.get(message.edgeId) ?? 0) + 1);
      const changed: Record<string, number> = {};
      for (const [edgeId, depth] of current) if (last.get(edgeId) !== depth) changed[edgeId] = depth;
      for (const edgeId of last.keys()) if (!current.has(edgeId)) changed[edgeId] = 0;
      last = current;
      return Object.keys(changed).length > 0 ? changed : undefined;
    },
  };
}
