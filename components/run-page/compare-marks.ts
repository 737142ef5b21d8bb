// How each node of a graph fared in a run-to-run comparison, for drawing on the canvas. Pure.
import type { TNodeComparison } from "./compare-runs";

export type TCompareMark = "same" | "changed" | "only-a" | "only-b" | "not-run";

export function markComparedNodes(nodeIds: readonly string[], compared: readonly TNodeComparison[]): Map<string, TCompareMark> {
  const byNode = new Map(compared.map((node) => [node.nodeId, node]));
  return new Map(
    nodeIds.map((nodeId) => {
      const node = byNode.get(nodeId);
      if (!node || (!node.a && !node.b)) return [nodeId, "not-run"];
      if (!node.b) return [nodeId, "only-a"];
      if (!node.a) return [nodeId, "only-b"];
      return [nodeId, node.isPathDifferent || node.outputChanges.length > 0 ? "changed" : "same"];
    }),
  );
}
