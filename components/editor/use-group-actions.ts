"use client";

import type { Edge, ReactFlowInstance } from "@xyflow/react";
import { useCallback } from "react";
import type { TGraphSpec } from "@/lib/graph";
import { findSelectedGroups, groupNodes, ungroupNodes } from "./group-edits";
import type { TCanvasNode } from "./spec-to-flow";

type TGroupActionsOptions = {
  flow: ReactFlowInstance<TCanvasNode, Edge>;
  getSpec: () => TGraphSpec;
  /** Records the spec before an edit, for undo. */
  record: (before: TGraphSpec) => void;
  /** Puts a whole spec on the canvas with the given nodes selected, then saves it. */
  applySpec: (next: TGraphSpec, selectedIds: ReadonlySet<string>) => void;
};

/** Group (Ctrl/Cmd+G) and ungroup (Ctrl/Cmd+Shift+G) the canvas's selection, as undoable edits; each says whether it acted. */
export function useGroupActions({ flow, getSpec, record, applySpec }: TGroupActionsOptions) {
  const selectedOnCanvas = useCallback(() => new Set(flow.getNodes().filter((node) => node.selected).map((node) => node.id)), [flow]);

  const groupSelection = useCallback(() => {
    const current = getSpec();
    const sizes = new Map(flow.getNodes().map((node) => [node.id, { width: node.measured?.width ?? 180, height: node.measured?.height ?? 64 }]));
    const grouped = groupNodes(current, selectedOnCanvas(), sizes);
    if (!grouped) return false;
    record(current);
    applySpec(grouped.spec, new Set([grouped.groupId]));
    return true;
  }, [applySpec, flow, getSpec, record, selectedOnCanvas]);

  const ungroupSelection = useCallback(() => {
    const current = getSpec();
    const groups = findSelectedGroups(current, selectedOnCanvas());
    if (groups.size === 0) return false;
    record(current);
    const members = current.nodes.filter((node) => node.group && groups.has(node.group)).map((node) => node.id);
    applySpec(ungroupNodes(current, groups), new Set(members));
    return true;
  }, [applySpec, getSpec, record, selectedOnCanvas]);

  return { selectedOnCanvas, groupSelection, ungroupSelection };
}
