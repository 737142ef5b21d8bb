"use client";

import type { Edge, ReactFlowInstance } from "@xyflow/react";
import { useCallback } from "react";
import type { TGraphSpec } from "@/lib/graph";
import { removeNodesAndEdges } from "./graph-edits";
import { findSelectedGroups, groupNodes, ungroupNodes } from "./group-edits";
import type { TCanvasNode } from "./spec-to-flow";

type TGroupActionsOptions = {
  flow: ReactFlowInstance<TCanvasNode, Edge>;
  getSpec: () => TGraphSpec;
  /** Puts a whole spec on the canvas with the given nodes selected as one undo entry, then saves it. */
  applyEdit: (before: TGraphSpec, next: TGraphSpec, selectedIds: ReadonlySet<string>) => void;
};

/** Group (Ctrl/Cmd+G) and ungroup (Ctrl/Cmd+Shift+G) the canvas's selection, as undoable edits; each says whether it acted. */
export function useGroupActions({ flow, getSpec, applyEdit }: TGroupActionsOptions) {
  const selectedOnCanvas = useCallback(() => new Set(flow.getNodes().filter((node) => node.selected).map((node) => node.id)), [flow]);

  const groupSelection = useCallback(() => {
    const current = getSpec();
    const sizes = new Map(flow.getNodes().map((node) => [node.id, { width: node.measured?.width ?? 180, height: node.measured?.height ?? 64 }]));
    const grouped = groupNodes(current, selectedOnCanvas(), sizes);
    if (!grouped) return false;
    applyEdit(current, grouped.spec, new Set([grouped.groupId]));
    return true;
  }, [applyEdit, flow, getSpec, selectedOnCanvas]);

  const ungroupSelection = useCallback(() => {
    const current = getSpec();
    const groups = findSelectedGroups(current, selectedOnCanvas());
    if (groups.size === 0) return false;
    const members = current.nodes.filter((node) => node.group && groups.has(node.group)).map((node) => node.id);
    applyEdit(current, ungroupNodes(current, groups), new Set(members));
    return true;
  }, [applyEdit, getSpec, selectedOnCanvas]);

  /**
   * React Flow deletes a frame's members with it; the studio keeps them (in no group), like Ungroup does. A delete that
   * takes a frame is done here as one undoable edit instead: the frame and what was itself selected go, members stay.
   */
  const onBeforeDelete = useCallback(
    async ({ nodes, edges }: { nodes: TCanvasNode[]; edges: Edge[] }) => {
      const frameIds = new Set(nodes.filter((node) => node.type === "group-frame").map((node) => node.id));
      if (frameIds.size === 0) return true;
      const removed = new Set(nodes.filter((node) => node.selected || !node.parentId || !frameIds.has(node.parentId)).map((node) => node.id));
      const current = getSpec();
      applyEdit(current, removeNodesAndEdges(current, removed, new Set(edges.filter((edge) => edge.selected).map((edge) => edge.id))), new Set());
      return false;
    },
    [applyEdit, getSpec],
  );

  return { selectedOnCanvas, groupSelection, ungroupSelection, onBeforeDelete };
}
