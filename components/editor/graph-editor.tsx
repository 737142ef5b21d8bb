"use client";

import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type Edge } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { TGraphSpec } from "@/lib/graph";
import { useTRPC } from "../trpc/trpc";
import { Badge } from "../ui/alert";
import { Button } from "../ui/button";
import styles from "./editor.module.css";
import { applyNodePositions, specToFlow, type TStudioNode } from "./spec-to-flow";
import { StudioNode } from "./studio-node";
import { useDraftAutosave, type TSaveState } from "./use-draft-autosave";

const NODE_TYPES = { studio: StudioNode };
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.25 };

type TEditorGraph = { id: string; name: string; draft: TGraphSpec; draftRevision: number; currentVersion: { number: number } | null };
type TGraphEditorProps = { workspaceId: string; workspaceSlug: string; graph: TEditorGraph; canEdit: boolean };

export function GraphEditor(props: TGraphEditorProps) {
  return (
    <ReactFlowProvider>
      <GraphEditorCanvas {...props} />
    </ReactFlowProvider>
  );
}

/**
 * The canvas runs uncontrolled (React Flow owns node state), so no component re-renders on every drag frame; the
 * spec is rebuilt from `getNodes()` only when a save is due.
 */
function GraphEditorCanvas({ workspaceId, workspaceSlug, graph, canEdit }: TGraphEditorProps) {
  const flow = useReactFlow<TStudioNode, Edge>();
  const specRef = useRef(graph.draft);
  const initial = useMemo(() => specToFlow(graph.draft), []); // eslint-disable-line react-hooks/exhaustive-deps -- first render only; later drafts arrive through setNodes
  const getSpec = useCallback(() => applyNodePositions(specRef.current, flow.getNodes()), [flow]);
  const autosave = useDraftAutosave({ workspaceId, graphId: graph.id, initialRevision: graph.draftRevision, getSpec });

  const { adopt, onRemoteRevision } = autosave;
  const showDraft = useCallback(
    (draft: TGraphSpec, revision: number) => {
      specRef.current = draft;
      const next = specToFlow(draft);
      flow.setNodes(next.nodes);
      flow.setEdges(next.edges);
      adopt(revision);
    },
    [adopt, flow],
  );

  useEffect(() => {
    if (onRemoteRevision(graph.draftRevision) === "adopt") showDraft(graph.draft, graph.draftRevision);
  }, [graph.draftRevision]); // eslint-disable-line react-hooks/exhaustive-deps -- react to a new server revision only

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
        <SaveStatus state={autosave.state} />
      </div>
      {autosave.state.status === "conflict" && (
        <ConflictBanner onReload={() => void reloadLatest()} onOverwrite={() => autosave.state.status === "conflict" && autosave.overwrite(autosave.state.currentRevision)} />
      )}
      <div className={styles.canvas} data-testid="graph-canvas">
        <ReactFlow<TStudioNode, Edge>
          defaultNodes={initial.nodes}
          defaultEdges={initial.edges}
          nodeTypes={NODE_TYPES}
          fitView
          fitViewOptions={FIT_VIEW_OPTIONS}
          nodesDraggable={canEdit}
          nodesConnectable={false}
          deleteKeyCode={null}
          onNodeDragStop={canEdit ? autosave.scheduleSave : undefined}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={16} />
          <MiniMap pannable zoomable />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </>
  );
}

function SaveStatus({ state }: { state: TSaveState }) {
  const text = {
    saved: "All changes saved",
    pending: "Unsaved changes",
    saving: "Saving…",
    error: state.status === "error" ? `Not saved: ${state.message}` : "",
    conflict: "Not saved: newer draft exists",
  }[state.status];
  return (
    <span className={styles.status} role="status" data-testid="save-status" data-status={state.status}>
      {text}
    </span>
  );
}

function ConflictBanner({ onReload, onOverwrite }: { onReload: () => void; onOverwrite: () => void }) {
  return (
    <div className={styles.banner} role="alert">
      <span>Someone else saved this graph while you were editing. Your changes are still here.</span>
      <Button onClick={onReload}>Reload theirs</Button>
      <Button variant="danger" onClick={onOverwrite}>Overwrite with mine</Button>
    </div>
  );
}
