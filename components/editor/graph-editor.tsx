"use client";

import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type Edge } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useQueryClient } from "@tanstack/react-query";
import { Download, Group, LayoutGrid, Redo2, Rocket, Undo2, Ungroup } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { diffGraphs, type TGraphDiff, type TGraphNode, type TGraphSpec, type TNodeTypeRegistry } from "@/lib/graph";
import { getGroupSize, isGroupNode } from "@/lib/graph/group-node";
import { useTRPC } from "../trpc/trpc";
import { Badge } from "../ui/alert";
import { Button } from "../ui/button";
import styles from "./editor.module.css";
import { useConfigDrafts } from "./config-form/use-config-drafts";
import { DiffSummary } from "./diff-summary";
import { EditorNotice, useEditorNotice } from "./editor-notice";
import { createNodeOfType } from "./graph-edits";
import { GraphSettingsPanel } from "./graph-settings-panel";
import { GroupFrame } from "./group-frame";
import { getCardBoundsOfSpec } from "./node-card-geometry";
import { NodeIconStyles } from "./node-icon";
import { findSelectedGroups } from "./group-edits";
import { NODE_TYPE_DRAG_FORMAT, Palette, type TPaletteEntry } from "./palette";
import { Inspector } from "./inspector";
import { PresenceAvatars } from "./presence-avatars";
import { ProblemsPanel } from "./problems-panel";
import { ShortcutsOverlay } from "./shortcuts-overlay";
import { applyCanvasLayout, specToFlow, toNodeData, toStudioNode, type TCanvasNode } from "./spec-to-flow";
import { StudioNode } from "./studio-node";
import { ConflictBanner, downloadSpec, SaveStatus } from "./editor-status";
import { ExportOpenClawButton } from "./export-openclaw-button";
import { useAutoLayout } from "./use-auto-layout";
import { useCanvasClipboard } from "./use-canvas-clipboard";
import { useConnectionHandlers } from "./use-connection-handlers";
import { useDraftAutosave } from "./use-draft-autosave";
import type { THistoryStep } from "./edit-history";
import { useEditHistory } from "./use-edit-history";
import { useEditorShortcuts } from "./use-editor-shortcuts";
import { useGroupActions } from "./use-group-actions";
import { useNodeMarks } from "./use-node-marks";
import { usePalettePlacement } from "./use-palette-placement";
import { useReadableFit } from "./use-readable-fit";
import { LiveGatewayPanel } from "./live-gateway-panel";
import { VersionsPanel } from "./versions-panel";
import { RunControls } from "./live-run/run-controls";
import { RunOverlayContext } from "./live-run/run-overlay-context";
import { StudioEdge } from "./live-run/studio-edge";
import { LiveRunFeed } from "./live-run/use-live-run";
import { useFollowedRunId } from "./live-run/use-followed-run";
import { createRunOverlayStore } from "./live-run/run-overlay-store";

const NODE_TYPES = { studio: StudioNode, "group-frame": GroupFrame };
// Edges without a type (all of them) draw with StudioEdge, which shows a followed run's deliveries and queue depth.
const EDGE_TYPES = { default: StudioEdge };
const PRO_OPTIONS = { hideAttribution: true };
const DELETE_KEYS = ["Backspace", "Delete"];

type TEditorGraph = { id: string; name: string; draft: TGraphSpec; draftRevision: number; currentVersion: { number: number } | null };
type TGraphEditorProps = {
  workspaceId: string;
  workspaceSlug: string;
  graph: TEditorGraph;
  nodeTypes: { entries: readonly TPaletteEntry[]; registry: TNodeTypeRegistry };
  canEdit: boolean;
  canPublish: boolean;
  canRun: boolean;
  canCancel: boolean;
};

export function GraphEditor(props: TGraphEditorProps) {
  return (
    <ReactFlowProvider>
      <GraphEditorCanvas {...props} />
    </ReactFlowProvider>
  );
}

/**
 * The canvas runs uncontrolled (React Flow owns node state), so no component re-renders on every drag frame; the
 * spec is rebuilt from `getNodes()` when a save is due. Edits (add, connect, delete, group) change the spec and React
 * Flow together; validation runs on the spec with the same rules as the server, after the canvas has painted.
 */
function GraphEditorCanvas({ workspaceId, workspaceSlug, graph, nodeTypes, canEdit, canPublish, canRun, canCancel }: TGraphEditorProps) {
  const flow = useReactFlow<TCanvasNode, Edge>();
  const { entries, registry } = nodeTypes;
  const specRef = useRef(graph.draft);
  const [spec, setSpec] = useState(graph.draft);
  const initial = useMemo(() => specToFlow(graph.draft, registry), []); // eslint-disable-line react-hooks/exhaustive-deps -- first render only; later drafts arrive through setNodes
  const getSpec = useCallback(() => applyCanvasLayout(specRef.current, flow.getNodes()), [flow]);
  const autosave = useDraftAutosave({ workspaceId, graphId: graph.id, initialRevision: graph.draftRevision, getSpec });
  const { adopt, onRemoteRevision, scheduleSave } = autosave;

  const history = useEditHistory();
  const { record } = history;
  const { notice, notify, dismiss: dismissNotice } = useEditorNotice();
  const commitEdit = useCallback(
    (next: TGraphSpec, before: TGraphSpec) => {
      record(before, next);
      specRef.current = next;
      setSpec(next);
      scheduleSave();
    },
    [record, scheduleSave],
  );
  /** A move (drag, a frame grown by a member) changes no rule's outcome: no re-render, no revalidation. */
  const commitMove = useCallback(
    (next: TGraphSpec, before: TGraphSpec) => {
      record(before, next);
      specRef.current = next;
      scheduleSave();
    },
    [record, scheduleSave],
  );

  /** Puts a whole spec on the canvas (undo, redo, grouping): React Flow and the spec change together, then it is saved. */
  const applySpec = useCallback(
    (next: TGraphSpec, selectedIds: ReadonlySet<string> = new Set()) => {
      specRef.current = next;
      setSpec(next);
      const flowState = specToFlow(next, registry);
      flow.setNodes(flowState.nodes.map((node) => (selectedIds.has(node.id) ? { ...node, selected: true } : node)));
      flow.setEdges(flowState.edges);
      scheduleSave();
    },
    [flow, registry, scheduleSave],
  );
  /** One undo entry for an edit that puts a whole spec on the canvas (grouping, cut, auto-layout, restore). */
  const applyEdit = useCallback(
    (before: TGraphSpec, next: TGraphSpec, selectedIds?: ReadonlySet<string>) => {
      record(before, next);
      applySpec(next, selectedIds);
    },
    [applySpec, record],
  );
  const showHistoryStep = useCallback(
    (step: THistoryStep | undefined, verb: "Undid" | "Redid") => {
      if (!step) return;
      if (step.spec) applySpec(step.spec);
      if (step.keptCount === 0) return;
      const kept = `${step.keptCount} ${step.keptCount === 1 ? "change" : "changes"}`;
      notify(
        step.spec
          ? { tone: "warning", text: `${verb} your edit except ${kept}: someone else has changed, connected or removed those nodes since.` }
          : { tone: "warning", text: `Nothing ${verb === "Undid" ? "undone" : "redone"}: someone else has changed, connected or removed everything that edit touched since.` },
      );
    },
    [applySpec, notify],
  );
  const undo = useCallback(() => showHistoryStep(history.undo(getSpec()), "Undid"), [getSpec, history, showHistoryStep]);
  const redo = useCallback(() => showHistoryStep(history.redo(getSpec()), "Redid"), [getSpec, history, showHistoryStep]);
  const dragStartSpec = useRef<TGraphSpec>(undefined);
  const canvasRef = useRef<HTMLDivElement>(null);
  const fitReadable = useReadableFit(canvasRef);
  // The opening view: the graph at a readable zoom (React Flow's own fitView would shrink a big graph until it is unreadable).
  useEffect(() => fitReadable(getCardBoundsOfSpec(graph.draft, registry)), []); // eslint-disable-line react-hooks/exhaustive-deps -- once, on open
  const { isLayingOut, autoLayout } = useAutoLayout({ specRef, getSpec, applyEdit, fitReadable, registry });

  const restoreVersion = useCallback((versionSpec: TGraphSpec) => applyEdit(getSpec(), versionSpec), [applyEdit, getSpec]);

  const { selectedOnCanvas, groupSelection, ungroupSelection, onBeforeDelete } = useGroupActions({ flow, getSpec, applyEdit });
  const clipboard = useCanvasClipboard({ flow, registry, getSpec, getSelectedIds: selectedOnCanvas, commitEdit, applyEdit, notify });

  useEditorShortcuts(canEdit, {
    z: (shift) => (shift ? redo() : undo(), true),
    y: () => (redo(), true),
    c: clipboard.copy,
    x: clipboard.cut,
    v: clipboard.paste,
    d: clipboard.duplicate,
    g: (shift) => (shift ? ungroupSelection() : groupSelection()),
  });

  const showDraft = useCallback(
    (draft: TGraphSpec, revision: number) => {
      specRef.current = draft;
      setSpec(draft);
      const next = specToFlow(draft, registry);
      flow.setNodes(next.nodes);
      flow.setEdges(next.edges);
      adopt(revision);
    },
    [adopt, flow, registry],
  );

  // A draft saved elsewhere arrives as a new prop: it updates React Flow (outside React) and the spec state together.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- synchronising with the server's draft, once per revision
    if (onRemoteRevision(graph.draftRevision) === "adopt") showDraft(graph.draft, graph.draftRevision);
  }, [graph.draftRevision]); // eslint-disable-line react-hooks/exhaustive-deps -- react to a new server revision only

  const [comparison, setComparison] = useState<{ versionNumber: number; diff: TGraphDiff }>();
  const configDrafts = useConfigDrafts();
  const problems = useNodeMarks({ spec, specRef, registry, comparison, drafts: configDrafts.drafts, flow });

  const addNodeAt = useCallback(
    (type: string, position: { x: number; y: number }) => {
      const current = getSpec();
      const node = createNodeOfType(current, type, registry.get(type), position);
      const next = { ...current, nodes: [...current.nodes, node] };
      flow.addNodes(toStudioNode(node, next, registry));
      commitEdit(next, current);
    },
    [commitEdit, flow, getSpec, registry],
  );

  const placeInView = usePalettePlacement(canvasRef, registry);
  const addNodeInView = useCallback((type: string) => addNodeAt(type, placeInView(type, getSpec())), [addNodeAt, getSpec, placeInView]);


  const { hint, isValidConnection, onConnect, onConnectEnd, onDelete } = useConnectionHandlers({ flow, registry, specRef, getSpec, commitEdit });

  const [selection, setSelection] = useState<string[]>([]);
  const selectedNode = selection.length === 1 ? spec.nodes.find((node) => node.id === selection[0]) : undefined;
  const onSelectionChange = useCallback(({ nodes }: { nodes: TCanvasNode[] }) => setSelection(nodes.map((node) => node.id)), []);
  const selectedIds = new Set(selection);
  const canGroup = spec.nodes.some((node) => selectedIds.has(node.id) && !isGroupNode(node));
  const canUngroup = findSelectedGroups(spec, selectedIds).size > 0;
  const updateNode = useCallback(
    (changed: TGraphNode) => {
      const current = getSpec();
      const next = { ...current, nodes: current.nodes.map((node) => (node.id === changed.id ? { ...changed, position: node.position } : node)) };
      commitEdit(next, current);
      // Badges and comparison marks follow once the edit is validated.
      const { problemCount: _problemCount, diffStatus: _diffStatus, ...data } = toNodeData(changed, next, registry);
      flow.updateNodeData(changed.id, data);
      // A frame's size lives on the canvas node too (getSpec reads it back from there).
      if (isGroupNode(changed)) flow.updateNode(changed.id, getGroupSize(changed));
    },
    [commitEdit, flow, getSpec, registry],
  );

  const focusNode = useCallback(
    (nodeId: string) => {
      flow.setNodes((nodes) => nodes.map((node) => (node.selected !== (node.id === nodeId) ? { ...node, selected: node.id === nodeId } : node)));
      void flow.fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1.25 });
    },
    [flow],
  );

  const router = useRouter();
  const onNodeDoubleClick = useCallback(
    (_event: React.MouseEvent, node: TCanvasNode) => {
      const target = specRef.current.nodes.find((candidate) => candidate.id === node.id);
      if (target?.type === "core/subgraph" && typeof target.config.graphId === "string") router.push(`/w/${workspaceSlug}/graphs/${target.config.graphId}`);
    },
    [router, workspaceSlug],
  );
  // A drag, of one node or of a selection, is one undo entry: the spec from its start to its end.
  const onNodeDragStart = useCallback(() => (dragStartSpec.current = getSpec()), [getSpec]);
  const onNodeDragStop = useCallback(() => {
    if (!canEdit || !dragStartSpec.current) return;
    commitMove(getSpec(), dragStartSpec.current);
    dragStartSpec.current = undefined;
  }, [canEdit, commitMove, getSpec]);

  const [followedRunId, setFollowedRunId] = useFollowedRunId();
  const runOverlay = useMemo(() => createRunOverlayStore(), []);

  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reloadLatest = useCallback(async () => {
    const latest = await queryClient.fetchQuery({ ...trpc.graph.get.queryOptions({ workspaceId, graphId: graph.id }), staleTime: 0 });
    showDraft(latest.draft, latest.draftRevision);
  }, [graph.id, queryClient, showDraft, trpc, workspaceId]);

  return (
    <>
      <div className={styles.toolbar}>
        <Link href={`/w/${workspaceSlug}`}>Graphs</Link>
        <span aria-hidden="true">/</span>
        <h1 title={graph.name} data-testid="graph-title">{graph.name}</h1>
        <Badge>{graph.currentVersion ? `v${graph.currentVersion.number}` : "draft only"}</Badge>
        {!canEdit && <Badge title="Your role can view this graph but not change it">read-only</Badge>}
        <Link href={`/w/${workspaceSlug}/graphs/${graph.id}/deployments`} aria-label="Deployments" title="Deployments: which version runs in which environment; deploy, canary, promote, roll back"><Rocket size={16} aria-hidden="true" /></Link>
        <div className={styles.spacer} />
        <PresenceAvatars workspaceId={workspaceId} graphId={graph.id} />
        <RunControls
          workspaceId={workspaceId}
          workspaceSlug={workspaceSlug}
          graphId={graph.id}
          store={runOverlay}
          followedRunId={followedRunId}
          canRun={canRun}
          canCancel={canCancel}
          getSpec={getSpec}
          registry={registry}
          saveDraft={autosave.saveNow}
          onFollow={setFollowedRunId}
        />
        {canEdit && (
          <>
            <Button variant="ghost" className={styles.iconButton} onClick={undo} disabled={!history.canUndo} aria-label="Undo" title="Undo (Ctrl+Z)"><Undo2 size={16} aria-hidden="true" /></Button>
            <Button variant="ghost" className={styles.iconButton} onClick={redo} disabled={!history.canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)"><Redo2 size={16} aria-hidden="true" /></Button>
            <Button variant="ghost" className={styles.iconButton} onClick={groupSelection} disabled={!canGroup} aria-label="Group" title="Group: frame the selected nodes (Ctrl+G)"><Group size={16} aria-hidden="true" /></Button>
            <Button variant="ghost" className={styles.iconButton} onClick={ungroupSelection} disabled={!canUngroup} aria-label="Ungroup" title="Ungroup: remove the selected frames (Ctrl+Shift+G)"><Ungroup size={16} aria-hidden="true" /></Button>
            <Button variant="ghost" className={styles.iconButton} onClick={() => void autoLayout()} disabled={isLayingOut} aria-busy={isLayingOut} aria-label="Auto-layout" title="Auto-layout: arrange the nodes left to right"><LayoutGrid size={16} aria-hidden="true" /></Button>
          </>
        )}
        <Button variant="ghost" className={styles.iconButton} onClick={() => downloadSpec(graph.name, getSpec())} aria-label="Export" title="Export: download the graph as a file"><Download size={16} aria-hidden="true" /></Button>
        <ExportOpenClawButton workspaceId={workspaceId} graphId={graph.id} spec={spec} saveDraft={autosave.saveNow} notify={notify} />
        <SaveStatus state={autosave.state} />
      </div>
      {autosave.state.status === "conflict" && (
        <ConflictBanner onReload={() => void reloadLatest()} onOverwrite={() => autosave.state.status === "conflict" && autosave.overwrite(autosave.state.currentRevision)} />
      )}
      <div className={styles.body}>
        {canEdit && <Palette entries={entries} onAdd={addNodeInView} />}
        <div
          className={styles.canvas}
          data-testid="graph-canvas"
          ref={canvasRef}
          onPointerMove={clipboard.onPointerMove}
          onDragOver={(event) => {
            if (canEdit && event.dataTransfer.types.includes(NODE_TYPE_DRAG_FORMAT)) event.preventDefault();
          }}
          onDrop={(event) => {
            const type = event.dataTransfer.getData(NODE_TYPE_DRAG_FORMAT);
            if (!canEdit || !type) return;
            event.preventDefault();
            addNodeAt(type, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
          }}
        >
          <div className={styles.canvasMessages}>
            {hint && <div className={styles.hint} role="status">Cannot connect: {hint}</div>}
            <EditorNotice notice={notice} onDismiss={dismissNotice} />
          </div>
          <ShortcutsOverlay />
          <NodeIconStyles />
          <LiveRunFeed store={runOverlay} workspaceId={workspaceId} runId={followedRunId} graphEdges={spec.edges} />
          <RunOverlayContext value={followedRunId ? runOverlay : undefined}>
            <ReactFlow<TCanvasNode, Edge>
              defaultNodes={initial.nodes}
              defaultEdges={initial.edges}
              nodeTypes={NODE_TYPES}
              edgeTypes={EDGE_TYPES}
              nodesDraggable={canEdit}
              nodesConnectable={canEdit}
              elementsSelectable
              deleteKeyCode={canEdit ? DELETE_KEYS : null}
              isValidConnection={isValidConnection}
              onConnect={onConnect}
              onConnectEnd={onConnectEnd}
              onBeforeDelete={onBeforeDelete}
              onDelete={onDelete}
              onSelectionChange={onSelectionChange}
              onNodeDoubleClick={onNodeDoubleClick}
              onNodeDragStart={onNodeDragStart}
              onNodeDragStop={onNodeDragStop}
              onSelectionDragStart={onNodeDragStart}
              onSelectionDragStop={onNodeDragStop}
              proOptions={PRO_OPTIONS}
            >
              <Background gap={16} />
              <MiniMap pannable zoomable />
              <Controls showInteractive={false} orientation="horizontal" />
            </ReactFlow>
          </RunOverlayContext>
        </div>
        <aside className={styles.sidebar}>
          <LiveGatewayPanel workspaceId={workspaceId} graphId={graph.id} spec={spec} canOperate={canRun} onFollow={setFollowedRunId} />
          <VersionsPanel
            workspaceId={workspaceId}
            graphId={graph.id}
            draftRevision={graph.draftRevision}
            canPublish={canPublish}
            canEdit={canEdit}
            isDraftSaved={autosave.state.status === "saved"}
            problems={problems}
            onRestore={restoreVersion}
            onCompare={(versionNumber, versionSpec) => setComparison({ versionNumber, diff: diffGraphs(versionSpec, getSpec()) })}
          />
          {comparison && <DiffSummary versionNumber={comparison.versionNumber} diff={comparison.diff} selectedId={selectedNode?.id} onClose={() => setComparison(undefined)} />}
          {selectedNode ? <Inspector node={selectedNode} definition={registry.get(selectedNode.type)} workspaceId={workspaceId} graphId={graph.id} isReadOnly={!canEdit} problems={problems} drafts={configDrafts.drafts} onDraft={configDrafts.setDraft} onChange={updateNode} /> : <GraphSettingsPanel spec={spec} getSpec={getSpec} isReadOnly={!canEdit} onCommit={commitEdit} />}
          <ProblemsPanel problems={problems} onFocus={focusNode} />
        </aside>
      </div>
    </>
  );
}
