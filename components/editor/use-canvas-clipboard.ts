"use client";

import type { Edge, ReactFlowInstance } from "@xyflow/react";
import { useCallback, useRef } from "react";
import type { TGraphSpec, TNodeTypeRegistry } from "@/lib/graph";
import { copyFragment, decodeFragment, encodeFragment, getFragmentNodeIds, getFragmentTopLeft, placeFragment, type TFragment } from "./clipboard-fragment";
import type { TEditorNotice } from "./editor-notice";
import { removeNodesAndEdges } from "./graph-edits";
import { getFootprintBoxesOfSpec } from "./node-card-geometry";
import { choosePasteTopLeft, type TPasteAnchor } from "./paste-placement";
import { specToFlow, toFlowEdge, type TCanvasNode } from "./spec-to-flow";
import { studioClipboard } from "./studio-clipboard";

type TCanvasClipboardOptions = {
  flow: ReactFlowInstance<TCanvasNode, Edge>;
  registry: TNodeTypeRegistry;
  getSpec: () => TGraphSpec;
  getSelectedIds: () => Set<string>;
  /** Adds the edit to the spec (one undo entry) after the canvas already shows it. */
  commitEdit: (next: TGraphSpec, before: TGraphSpec) => void;
  /** One undo entry that puts a whole spec on the canvas. */
  applyEdit: (before: TGraphSpec, next: TGraphSpec, selectedIds: ReadonlySet<string>) => void;
  notify: (notice: TEditorNotice) => void;
};

const countNodes = (count: number) => `${count} node${count === 1 ? "" : "s"}`;

/**
 * Copy, cut, paste and duplicate on the canvas. A paste goes where the pointer is when it has moved over the canvas
 * since the last copy or paste, and otherwise beside the copied nodes (paste-placement.ts). Each paste is one undo
 * entry with new ids and the pasted nodes selected. When the system clipboard is refused the studio's own clipboard
 * holds the copy, and a notice says so: nothing here fails without words on the screen.
 */
export function useCanvasClipboard({ flow, registry, getSpec, getSelectedIds, commitEdit, applyEdit, notify }: TCanvasClipboardOptions) {
  const pointer = useRef<{ clientX: number; clientY: number; isFresh: boolean }>(undefined);
  const lastPaste = useRef<{ text: string; topLeft: { x: number; y: number } }>(undefined);

  const onPointerMove = useCallback((event: React.PointerEvent) => {
    pointer.current = { clientX: event.clientX, clientY: event.clientY, isFresh: true };
  }, []);

  const pasteFragment = useCallback(
    (fragment: TFragment, anchor: TPasteAnchor) => {
      const current = getSpec();
      const fragmentSpec = { ...current, nodes: fragment.nodes, edges: fragment.edges };
      const topLeft = choosePasteTopLeft(anchor, getFootprintBoxesOfSpec(fragmentSpec, registry), getFootprintBoxesOfSpec(current, registry));
      const pasted = placeFragment(current, fragment, topLeft);
      const added = specToFlow({ ...pasted.spec, nodes: pasted.nodes }, registry).nodes;
      flow.setNodes((nodes) => [...nodes.map((node) => (node.selected ? { ...node, selected: false } : node)), ...added.map((node) => ({ ...node, selected: true }))]);
      flow.addEdges(pasted.edges.map(toFlowEdge));
      commitEdit(pasted.spec, current);
      return topLeft;
    },
    [commitEdit, flow, getSpec, registry],
  );

  /** Copies the selection to the clipboard; undefined when nothing is selected (the browser's own copy goes ahead). */
  const copySelection = useCallback(
    (verb: "Copied" | "Cut") => {
      const spec = getSpec();
      const selected = getSelectedIds();
      if (selected.size === 0) return undefined;
      const fragment = copyFragment(spec, selected);
      const text = encodeFragment(fragment);
      lastPaste.current = undefined;
      if (pointer.current) pointer.current.isFresh = false;
      void studioClipboard.write(text).then((outcome) =>
        notify(
          outcome.where === "system"
            ? { tone: "info", text: `${verb} ${countNodes(fragment.nodes.length)}.` }
            : { tone: "warning", text: `${verb} ${countNodes(fragment.nodes.length)} inside the studio; the system clipboard is not available: ${outcome.reason}. Paste them with Ctrl+V in this tab.` },
        ),
      );
      return { spec, selected };
    },
    [getSelectedIds, getSpec, notify],
  );

  const copy = useCallback(() => copySelection("Copied") !== undefined, [copySelection]);

  const cut = useCallback(() => {
    const copied = copySelection("Cut");
    if (!copied) return false;
    applyEdit(copied.spec, removeNodesAndEdges(copied.spec, getFragmentNodeIds(copied.spec, copied.selected), new Set()), new Set());
    return true;
  }, [applyEdit, copySelection]);

  const paste = useCallback(() => {
    const at = pointer.current?.isFresh ? flow.screenToFlowPosition({ x: pointer.current.clientX, y: pointer.current.clientY }) : undefined;
    if (pointer.current) pointer.current.isFresh = false;
    void studioClipboard.read().then((read) => {
      if (read.from === "nowhere") return notify({ tone: "error", text: `Nothing pasted: ${read.reason}.` });
      const decoded = decodeFragment(read.text);
      if (!decoded.ok) return notify({ tone: "error", text: `Nothing pasted: ${decoded.reason}.` });
      const previous = lastPaste.current?.text === read.text ? lastPaste.current.topLeft : undefined;
      const anchor: TPasteAnchor = at ? { kind: "pointer", at } : { kind: "beside", from: previous ?? getFragmentTopLeft(decoded.fragment) };
      lastPaste.current = { text: read.text, topLeft: pasteFragment(decoded.fragment, anchor) };
      if (read.from === "studio") notify({ tone: "warning", text: `Pasted ${countNodes(decoded.fragment.nodes.length)} copied in the studio; ${read.reason}.` });
    });
    return true;
  }, [flow, notify, pasteFragment]);

  /** A copy of the selection beside it, without touching the clipboard. */
  const duplicate = useCallback(() => {
    const spec = getSpec();
    const selected = getSelectedIds();
    if (selected.size === 0) return false;
    const fragment = copyFragment(spec, selected);
    pasteFragment(fragment, { kind: "beside", from: getFragmentTopLeft(fragment) });
    return true;
  }, [getSelectedIds, getSpec, pasteFragment]);

  return { onPointerMove, copy, cut, paste, duplicate };
}
