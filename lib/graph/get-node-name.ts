import type { TGraphNode } from "./spec";

/** How messages name a node: by the label the user sees on the canvas, or by its id when it has none. */
export function getNodeName(node: Pick<TGraphNode, "id" | "label">): string {
  return node.label.trim() || node.id;
}
