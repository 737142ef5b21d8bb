"use client";

import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type Connection, type Edge } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { diffGraphs, validateGraph, validateGraphSpec, type TGraphDiff, type TGraphNode, type TGraphSpec } from "@/lib/graph";
import { useTRPC } from "../trpc/trpc";
import { Badge } from "../ui/alert";
import { Button } from "../ui/button";
import styles from "./editor.module.css";
import { computeAutoLayout } from "./auto-layout";
import { checkConnection } from "./check-connection";
import { DiffSummary } from "./diff-summary";
import { addEdge, copyFragment, createNodeOfType, findFreePosition, pasteFragment, removeNodesAndEdges } from "./graph-edits";
import { NODE_TYPE_DRAG_FORMAT, Palette } from "./palette";
import { Inspector } from "./inspector";
import { PresenceAvatars } from "./presence-avatars";
import { ProblemsPanel } from "./problems-panel";
import { ShortcutsOverlay } from "./shortcuts-overlay";
import { applyNodePositions, specToFlow, toStudioNode, type TStudioNode } from "./spec-to-flow";
import { StudioNode } from "./studio-node";
import { ConflictBanner, downloadSpec, SaveStatus } from "./editor-status";
import { useDraftAutosave } from "./use-draft-autosave";
import { useEditHistory } from "./use-edit-history";
import { useNodeTypes } from "./use-node-types";
import { VersionsPanel } from "./versions-panel";

const NODE_TYPES = { studio: StudioNode };
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.25 };

type TEditorGraph = { id: string; name: string; draft: TGraphSpec; draftRevision: number; currentVersion: { number: number } | null };
type TGraphEditorProps = { workspaceId: string; workspaceSlug: string; graph: TEditorGraph; canEdit: boolean; canPublish: boolean };

export function GraphEditor(props: TGraphEditorProps) {
  return (
    <ReactFlowProvider>
      <GraphEditorCanvas {...props} />
    </ReactFlowProvider>
  );
}

/**
 * The canvas runs uncontrolled (React Flow owns node state), so no component re-renders on every drag frame; the
 * spec is rebuilt from `getNodes()` when a save is due. Edits (add, connect, delete) change the spec and React Flow
 * together; validation runs on the spec with the same rules as the server.
 */
function GraphEditorCanvas({ workspaceId, workspaceSlug, graph, canEdit, canPublish }: TGraphEditorProps) {
  const flow = useReactFlow<TStudioNode, Edge>();
  const { entries, registry } = useNodeTypes(workspaceId);
  const specRef = useRef(graph.draft);
  const [spec, setSpec] = useState(graph.draft);
  const [hint, setHint] = useState<string>();
  const initial = useMemo(() => specToFlow(graph.draft), []); // eslint-disable-line react-hooks/exhaustive-deps -- first render only; later drafts arrive through setNodes
  const getSpec = useCallback(() => applyNodePositions(specRef.current, flow.getNodes()), [flow]);
  const autosave = useDraftAutosave({ workspaceId, graphId: graph.id, initialRevision: graph.draftRevision, getSpec });
  const { adopt, onRemoteRevision, scheduleSave } = autosave;

  const history = useEditHistory();
  const { record } = history;
  const commitEdit = useCallback(
    (next: TGraphSpec, before: TGraphSpec) => {
      record(before);
      specRef.current = next;
      setSpec(next);
      scheduleSave();
    },
    [record, scheduleSave],
  );

  /** Puts a whole spec on the canvas (undo, redo): React Flow and the spec change together, then it is saved. */
  const applySpec = useCallback(
    (next: TGraphSpec) => {
      specRef.current = next;
      setSpec(next);
      const flowState = specToFlow(next, registry);
      flow.setNodes(flowState.nodes);
      flow.setEdges(flowState.edges);
      scheduleSave();
    },
    [flow, registry, scheduleSave],
  );
  const undo = useCallback(() => {
    const previous = history.undo(getSpec());
    if (previous) applySpec(previous);
  }, [applySpec, getSpec, history]);
  const redo = useCallback(() => {
    const next = history.redo(getSpec());
    if (next) applySpec(next);
  }, [applySpec, getSpec, history]);
  const dragStartSpec = useRef<TGraphSpec>(undefined);
  const autoLayout = useCallback(async () => {
    const current = getSpec();
    const sizes = new Map(flow.getNodes().map((node) => [node.id, { width: node.measured?.width ?? 180, height: node.measured?.height ?? 64 }]));
    const laidOut = await computeAutoLayout(current, sizes);
    record(current);
    applySpec(laidOut);
    window.requestAnimationFrame(() => void flow.fitView(FIT_VIEW_OPTIONS));
  }, [applySpec, flow, getSpec, record]);

  const restoreVersion = useCallback(
    (versionSpec: TGraphSpec) => {
      record(getSpec());
      applySpec(versionSpec);
    },
    [applySpec, getSpec, record],
  );

  const pasteText = useCallback(
    (text: string) => {
      const current = getSpec();
      const pasted = pasteFragment(current, text, { x: 40, y: 40 }, validateGraphSpec);
      if (!pasted) return;
      flow.setNodes((nodes) => [...nodes.map((node) => ({ ...node, selected: false })), ...pasted.nodes.map((node) => ({ ...toStudioNode(node, pasted.spec, registry), selected: true }))]);
      flow.addEdges(pasted.edges.map((edge) => ({ id: edge.id, source: edge.source.node, sourceHandle: edge.source.port, target: edge.target.node, targetHandle: edge.target.port })));
      commitEdit(pasted.spec, current);
    },
    [commitEdit, flow, getSpec, registry],
  );

  // Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z (or Y) redo, C copy, V paste, D duplicate: anywhere on the page except in a field.
  useEffect(() => {
    if (!canEdit) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || (event.target as HTMLElement | null)?.closest("input, textarea, [contenteditable]")) return;
      const key = event.key.toLowerCase();
      const selected = () => new Set(flow.getNodes().filter((node) => node.selected).map((node) => node.id));
      if (key === "z" && !event.shiftKey) undo();
      else if ((key === "z" && event.shiftKey) || key === "y") redo();
      else if (key === "c" && selected().size > 0) void navigator.clipboard.writeText(copyFragment(getSpec(), selected()));
      else if (key === "v") void navigator.clipboard.readText().then(pasteText, () => undefined);
      else if (key === "d" && selected().size > 0) pasteText(copyFragment(getSpec(), selected()));
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [canEdit, flow, getSpec, pasteText, redo, undo]);

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

  const problems = useMemo(() => {
    if (registry.list().length === 0) return [];
    const result = validateGraph(spec, registry);
    return result.ok ? [] : result.problems;
  }, [spec, registry]);

  const [comparison, setComparison] = useState<{ versionNumber: number; diff: TGraphDiff }>();

  // Ports, problem badges and comparison marks follow the node types, the validation and the compared version;
  // positions stay as React Flow has them.
  useEffect(() => {
    const counts = new Map<string, number>();
    problems.forEach((problem) => problem.nodeId && counts.set(problem.nodeId, (counts.get(problem.nodeId) ?? 0) + 1));
    const byId = new Map(specRef.current.nodes.map((node) => [node.id, node]));
    const statusOf = (id: string) => {
      if (!comparison) return undefined;
      if (comparison.diff.nodes.added.some((node) => node.id === id)) return "added" as const;
      const change = comparison.diff.nodes.changed.find((candidate) => candidate.id === id);
      if (!change) return undefined;
      return change.fields.length === 1 && change.fields[0] === "position" ? ("moved" as const) : ("changed" as const);
    };
    flow.setNodes((nodes) =>
      nodes.map((node) => {
        const specNode = byId.get(node.id);
        return specNode ? { ...node, data: toStudioNode(specNode, specRef.current, registry, counts.get(node.id) ?? 0, statusOf(node.id)).data } : node;
      }),
    );
  }, [comparison, flow, problems, registry]);

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

  const canvasRef = useRef<HTMLDivElement>(null);
  const addNodeInView = useCallback(
    (type: string) => {
      const box = canvasRef.current?.getBoundingClientRect();
      const center = box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
      addNodeAt(type, findFreePosition(specRef.current, { x: center.x - 80, y: center.y - 30 }));
    },
    [addNodeAt, flow],
  );

  const isValidConnection = useCallback(
    (connection: Edge | Connection) => {
      const result = checkConnection(specRef.current, registry, connection);
      setHint(result.ok ? undefined : result.reason);
      return result.ok;
    },
    [registry],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (!connection.sourceHandle || !connection.targetHandle) return;
      const current = getSpec();
      const { spec: next, edge } = addEdge(current, { source: connection.source, sourcePort: connection.sourceHandle, target: connection.target, targetPort: connection.targetHandle });
      flow.addEdges({ id: edge.id, source: connection.source, sourceHandle: connection.sourceHandle, target: connection.target, targetHandle: connection.targetHandle });
      commitEdit(next, current);
    },
    [commitEdit, flow, getSpec],
  );

  const onDelete = useCallback(
    ({ nodes, edges }: { nodes: TStudioNode[]; edges: Edge[] }) => {
      const current = getSpec();
      commitEdit(removeNodesAndEdges(current, new Set(nodes.map((node) => node.id)), new Set(edges.map((edge) => edge.id))), current);
    },
    [commitEdit, getSpec],
  );

  const [selectedId, setSelectedId] = useState<string>();
  const selectedNode = spec.nodes.find((node) => node.id === selectedId);
  const onSelectionChange = useCallback(({ nodes }: { nodes: TStudioNode[] }) => setSelectedId(nodes.length === 1 ? nodes[0]!.id : undefined), []);
  const updateNode = useCallback(
    (changed: TGraphNode) => {
      const current = getSpec();
      const next = { ...current, nodes: current.nodes.map((node) => (node.id === changed.id ? { ...changed, position: node.position } : node)) };
      commitEdit(next, current);
      flow.updateNodeData(changed.id, toStudioNode(changed, next, registry).data);
    },
    [commitEdit, flow, getSpec, registry],
  );

  const focusNode = useCallback(
    (nodeId: string) => {
      flow.setNodes((nodes) => nodes.map((node) => ({ ...node, selected: node.id === nodeId })));
      void flow.fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1.25 });
    },
    [flow],
  );

  const router = useRouter();
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
        <h1>{graph.name}</h1>
        <Badge>{graph.currentVersion ? `v${graph.currentVersion.number}` : "draft only"}</Badge>
        {!canEdit && <Badge title="Your role can view this graph but not change it">read-only</Badge>}
        <div className={styles.spacer} />
        <PresenceAvatars workspaceId={workspaceId} graphId={graph.id} />
        {canEdit && (
          <>
            <Button variant="ghost" onClick={undo} disabled={!history.canUndo} title="Undo (Ctrl+Z)">Undo</Button>
            <Button variant="ghost" onClick={redo} disabled={!history.canRedo} title="Redo (Ctrl+Shift+Z)">Redo</Button>
          </>
        )}
        {canEdit && <Button variant="ghost" onClick={() => void autoLayout()}>Auto-layout</Button>}
        <Button variant="ghost" onClick={() => downloadSpec(graph.name, getSpec())}>Export</Button>
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
          {hint && <div className={styles.hint} role="status">Cannot connect: {hint}</div>}
          <ShortcutsOverlay />
          <ReactFlow<TStudioNode, Edge>
            defaultNodes={initial.nodes}
            defaultEdges={initial.edges}
            nodeTypes={NODE_TYPES}
            fitView
            fitViewOptions={FIT_VIEW_OPTIONS}
            nodesDraggable={canEdit}
            nodesConnectable={canEdit}
            elementsSelectable
            deleteKeyCode={canEdit ? ["Backspace", "Delete"] : null}
            isValidConnection={isValidConnection}
            onConnect={onConnect}
            onConnectEnd={() => setHint(undefined)}
            onDelete={onDelete}
            onSelectionChange={onSelectionChange}
            onNodeDoubleClick={(_event, node) => {
              const target = specRef.current.nodes.find((candidate) => candidate.id === node.id);
              if (target?.type === "core/subgraph" && typeof target.config.graphId === "string") router.push(`/w/${workspaceSlug}/graphs/${target.config.graphId}`);
            }}
            onNodeDragStart={() => (dragStartSpec.current = getSpec())}
            onNodeDragStop={() => {
              if (!canEdit || !dragStartSpec.current) return;
              commitEdit(getSpec(), dragStartSpec.current);
              dragStartSpec.current = undefined;
            }}
            proOptions={{ hideAttribution: true }}
          >
            <Background gap={16} />
            <MiniMap pannable zoomable />
            <Controls showInteractive={false} />
          </ReactFlow>
        </div>
        <aside className={styles.sidebar}>
          <VersionsPanel
            workspaceId={workspaceId}
            graphId={graph.id}
            draftRevision={graph.draftRevision}
            canPublish={canPublish}
            canEdit={canEdit}
            isDraftSaved={autosave.state.status === "saved"}
            onRestore={restoreVersion}
            onCompare={(versionNumber, versionSpec) => setComparison({ versionNumber, diff: diffGraphs(versionSpec, getSpec()) })}
          />
          {comparison && <DiffSummary versionNumber={comparison.versionNumber} diff={comparison.diff} selectedId={selectedId} onClose={() => setComparison(undefined)} />}
          {selectedNode && <Inspector node={selectedNode} definition={registry.get(selectedNode.type)} workspaceId={workspaceId} graphId={graph.id} isReadOnly={!canEdit} onChange={updateNode} />}
          <ProblemsPanel problems={problems} onFocus={focusNode} />
        </aside>
      </div>
    </>
  );
}
