import { GROUP_NODE_TYPE, isGroupNode } from "@/lib/graph/group-node";
import type { TGraphNode, TGraphSpec } from "@/lib/graph";

/** Pure group edits of a spec (Ctrl/Cmd+G, Ctrl/Cmd+Shift+G), undone like any other edit. */

type TSize = { width: number; height: number };

// Room around the members, and above them for the frame's label.
const PADDING = 24;
const LABEL_SPACE = 28;
const DEFAULT_SIZE: TSize = { width: 180, height: 64 };
/** How far a frame drawn around nodes reaches past them on each side, in flow pixels. */
export const FRAME_REACH = { top: PADDING + LABEL_SPACE, right: PADDING, bottom: PADDING, left: PADDING };

/**
 * Frames the selected nodes in a new Group, placed in the spec just before its first member. Group nodes in the
 * selection are left out (groups do not nest); a member taken from another group leaves it, and a group left empty
 * that way is removed. Undefined when nothing can be grouped.
 */
export function groupNodes(spec: TGraphSpec, nodeIds: ReadonlySet<string>, sizes: ReadonlyMap<string, TSize>): { spec: TGraphSpec; groupId: string } | undefined {
  const members = spec.nodes.filter((node) => nodeIds.has(node.id) && !isGroupNode(node));
  if (members.length === 0) return undefined;
  const sizeOf = (node: TGraphNode) => sizes.get(node.id) ?? DEFAULT_SIZE;
  const left = Math.min(...members.map((node) => node.position.x)) - PADDING;
  const top = Math.min(...members.map((node) => node.position.y)) - PADDING - LABEL_SPACE;
  const right = Math.max(...members.map((node) => node.position.x + sizeOf(node).width)) + PADDING;
  const bottom = Math.max(...members.map((node) => node.position.y + sizeOf(node).height)) + PADDING;

  let groupId = "group";
  for (let n = 2; spec.nodes.some((node) => node.id === groupId); n++) groupId = `group-${n}`;
  const group: TGraphNode = {
    id: groupId,
    type: GROUP_NODE_TYPE,
    typeVersion: 1,
    label: "Group",
    position: { x: Math.round(left), y: Math.round(top) },
    config: { width: Math.round(right - left), height: Math.round(bottom - top) },
  };
  const memberIds = new Set(members.map((node) => node.id));
  const formerGroups = new Set(members.flatMap((node) => (node.group ? [node.group] : [])));
  const regrouped = spec.nodes.flatMap((node) => {
    const updated = memberIds.has(node.id) ? { ...node, group: groupId } : node;
    return node.id === members[0]!.id ? [group, updated] : [updated];
  });
  const stillUsed = new Set(regrouped.flatMap((node) => (node.group ? [node.group] : [])));
  const nodes = regrouped.filter((node) => !formerGroups.has(node.id) || stillUsed.has(node.id));
  return { spec: { ...spec, nodes }, groupId };
}

/** The groups a selection points at: selected Group nodes and the groups of selected members. */
export function findSelectedGroups(spec: TGraphSpec, nodeIds: ReadonlySet<string>): Set<string> {
  const groups = new Set<string>();
  for (const node of spec.nodes) {
    if (!nodeIds.has(node.id)) continue;
    if (isGroupNode(node)) groups.add(node.id);
    else if (node.group) groups.add(node.group);
  }
  return groups;
}

/** Removes the frames; their members stay where they are, in no group. */
export function ungroupNodes(spec: TGraphSpec, groupIds: ReadonlySet<string>): TGraphSpec {
  return { ...spec, nodes: spec.nodes.filter((node) => !groupIds.has(node.id)).map((node) => (node.group && groupIds.has(node.group) ? withoutGroup(node) : node)) };
}

export function withoutGroup(node: TGraphNode): TGraphNode {
  const { group: _group, ...rest } = node;
  return rest;
}
