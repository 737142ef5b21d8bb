// Groups: visual frames on the canvas whose members move together. A group is a node of type `core/group` (no ports,
// never run: the runtime's compile plan leaves it out); a member names it in its `group` field and keeps an absolute
// position, so tools that ignore groups (run canvas, auto-layout, diff) still place every node right.
import type { TNodeTypeDefinition } from "./node-type";
import type { TGraphNode } from "./spec";

export const GROUP_NODE_TYPE = "core/group";

export const GROUP_NODE_DEFINITION: TNodeTypeDefinition = {
  type: GROUP_NODE_TYPE,
  version: 1,
  title: "Group",
  category: "flow",
  icon: "frame",
  description: "A labelled frame around nodes that move together; it does not run.",
  inputs: [],
  outputs: [],
  configSchema: {
    type: "object",
    properties: {
      width: { type: "number", title: "Width (px)", minimum: 40, maximum: 100_000, default: 400, description: "The frame's width on the canvas" },
      height: { type: "number", title: "Height (px)", minimum: 40, maximum: 100_000, default: 240, description: "The frame's height on the canvas" },
    },
  },
  sideEffects: "pure",
};

export function isGroupNode(node: Pick<TGraphNode, "type">): boolean {
  return node.type === GROUP_NODE_TYPE;
}

/** The frame's size as stored in its config, with the type's defaults for a frame written by hand without one. */
export function getGroupSize(node: Pick<TGraphNode, "config">): { width: number; height: number } {
  const { width, height } = node.config;
  return { width: typeof width === "number" ? width : 400, height: typeof height === "number" ? height : 240 };
}
