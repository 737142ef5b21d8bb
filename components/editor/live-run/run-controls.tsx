"use client";

import { useMutation } from "@tanstack/react-query";
import { X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { findEntryNodes, getNodeName, type TGraphNode, type TGraphSpec, type TNodeTypeRegistry } from "@/lib/graph";
import { getErrorMessage } from "../../trpc/error-message";
import { useTRPC } from "../../trpc/trpc";
import { Button } from "../../ui/button";
import styles from "../editor.module.css";
import { RecentRunsMenu } from "./recent-runs-menu";
import { RunInputForm } from "./run-input-form";
import type { TRunOverlayStore } from "./run-overlay-store";
import { useRunStatus, useStreamStatus } from "./run-overlay-store";

type TRunControlsProps = {
  workspaceId: string;
  workspaceSlug: string;
  graphId: string;
  store: TRunOverlayStore;
  followedRunId: string | undefined;
  canRun: boolean;
  canCancel: boolean;
  getSpec: () => TGraphSpec;
  /** Node types: which nodes are Input and trigger nodes the run can start at. */
  registry: TNodeTypeRegistry;
  /** Saves pending edits; false when the draft could not be saved (a conflict), so the run would not be what is shown. */
  saveDraft: () => Promise<boolean>;
  onFollow: (runId: string | undefined) => void;
};

const FINAL = new Set(["succeeded", "failed", "cancelled"]);

/**
 * Run the draft with an input form (and, when the graph has several Input and trigger nodes, the one to start at), then
 * follow the run on the canvas; open it on its page, cancel it, or stop following.
 */
export function RunControls(props: TRunControlsProps) {
  const trpc = useTRPC();
  const [isFormOpen, setFormOpen] = useState(false);
  const [error, setError] = useState<string>();
  const start = useMutation(trpc.run.start.mutationOptions());
  const cancel = useMutation(trpc.run.cancel.mutationOptions());
  const status = useRunStatus(props.store);
  const streamStatus = useStreamStatus(props.store);
  const [entries, setEntries] = useState<TGraphNode[]>([]);
  const [startNodeId, setStartNodeId] = useState<string>();
  const startNode = entries.find((node) => node.id === startNodeId);
  const inputSchema = startNode?.type === "core/input" ? startNode.config.schema : undefined;

  const startRun = async (input: unknown) => {
    setError(undefined);
    if (!(await props.saveDraft())) return setError("The draft could not be saved: resolve the save problem first.");
    try {
      const run = await start.mutateAsync({ workspaceId: props.workspaceId, graphId: props.graphId, version: "draft", input, startNodeId });
      setFormOpen(false);
      props.onFollow(run.id);
    } catch (caught) {
      setError(getErrorMessage(caught));
    }
  };

  return (
    <div className={styles.runControls}>
      {props.canRun && (
        <Button
          onClick={() => {
            // Read when the form opens, not on every render: building the spec walks every node of the canvas.
            const found = findEntryNodes(props.getSpec(), props.registry);
            setEntries(found);
            setStartNodeId((current) => (found.some((node) => node.id === current) ? current : found[0]?.id));
            setFormOpen((open) => !open);
          }}
          aria-expanded={isFormOpen}
        >
          Run
        </Button>
      )}
      <RecentRunsMenu workspaceId={props.workspaceId} graphId={props.graphId} followedRunId={props.followedRunId} onFollow={props.onFollow} />
      {props.followedRunId && (
        <span className={styles.runBar} data-testid="run-bar" data-stream={streamStatus}>
          <span className={`${styles.runStatus} ${styles[`run-${status ?? "queued"}`] ?? ""}`} data-testid="run-bar-status">{status ?? "queued"}</span>
          {streamStatus === "connecting" && <span className={styles.muted}>reconnecting…</span>}
          {streamStatus === "polling" && <span className={styles.muted}>live updates off · refreshing</span>}
          <Link href={`/w/${props.workspaceSlug}/runs/${props.followedRunId}`}>Open run</Link>
          {props.canCancel && status && !FINAL.has(status) && (
            <Button variant="ghost" onClick={() => cancel.mutate({ workspaceId: props.workspaceId, runId: props.followedRunId! })}>Cancel</Button>
          )}
          <Button variant="ghost" className={styles.iconButton} onClick={() => props.onFollow(undefined)} aria-label="Clear the run from the canvas" title="Clear: stop showing this run on the canvas">
            <X size={16} aria-hidden="true" />
          </Button>
        </span>
      )}
      {isFormOpen && (
        <div className={styles.runPopover} role="dialog" aria-label="Run the draft">
          {entries.length > 1 && (
            <label className={styles.field}>
              <span>Start at</span>
              <select aria-label="Start at" value={startNodeId} onChange={(event) => setStartNodeId(event.target.value)}>
                {entries.map((node) => (
                  <option key={node.id} value={node.id}>
                    {getNodeName(node)} ({props.registry.get(node.type)?.title ?? node.type})
                  </option>
                ))}
              </select>
            </label>
          )}
          <RunInputForm key={startNodeId} schema={inputSchema} isBusy={start.isPending} error={error} onSubmit={(input) => void startRun(input)} onCancel={() => setFormOpen(false)} />
        </div>
      )}
    </div>
  );
}
