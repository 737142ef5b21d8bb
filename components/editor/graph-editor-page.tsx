"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { TAB_ID } from "../realtime/socket";
import { useWorkspaceChannel } from "../realtime/use-workspace-channel";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { useWorkspace } from "../workspace/use-workspace";
import styles from "./editor.module.css";
import { GraphEditor } from "./graph-editor";
import { useNodeTypes } from "./use-node-types";

export function GraphEditorPage({ workspaceSlug, graphId }: { workspaceSlug: string; graphId: string }) {
  const { workspace, can, error: workspaceError, isLoading } = useWorkspace(workspaceSlug);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const workspaceId = workspace?.id ?? "";
  const graph = useQuery({ ...trpc.graph.get.queryOptions({ workspaceId, graphId }), enabled: !!workspace });
  // Fetched beside the graph; the canvas waits for both, so its first render already draws every port.
  const nodeTypes = useNodeTypes(workspaceId, !!workspace);

  useWorkspaceChannel(workspace?.id, {
    onGraphUpdated: (event) => {
      if (event.graphId !== graphId || event.clientId === TAB_ID) return;
      void queryClient.invalidateQueries({ queryKey: trpc.graph.get.queryKey({ workspaceId, graphId }) });
    },
  });

  const error = workspaceError ?? graph.error ?? nodeTypes.error ?? (!isLoading && !workspace ? new Error("Workspace not found") : null);
  if (error) {
    return (
      <main className={styles.page}>
        <div className={styles.banner}>
          {getErrorMessage(error)} <Link href={`/w/${workspaceSlug}`}>Back to the graphs</Link>
        </div>
      </main>
    );
  }
  if (!graph.data || !workspace || !nodeTypes.isLoaded) {
    return (
      <main className={styles.page} aria-busy="true">
        <div className={styles.toolbar} />
      </main>
    );
  }
  return (
    <main className={styles.page}>
      {graph.isRefetchError && <Alert>{getErrorMessage(graph.error)}</Alert>}
      <GraphEditor key={graph.data.id} workspaceId={workspace.id} workspaceSlug={workspaceSlug} graph={graph.data} nodeTypes={nodeTypes} canEdit={can("graph:update")} canPublish={can("graph:publish")} canRun={can("run:start")} canCancel={can("run:cancel")} />
    </main>
  );
}
