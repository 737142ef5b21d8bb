"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useWorkspaceChannel } from "../realtime/use-workspace-channel";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert, Badge } from "../ui/alert";
import { useWorkspace } from "../workspace/use-workspace";
import { CreateGraphForm } from "./create-graph-form";
import { filterGraphs, type TGraphSort } from "./filter-graphs";
import { GraphRow } from "./graph-row";
import { ImportGraphForm } from "./import-graph-form";
import { TemplateGallery } from "./template-gallery";
import styles from "./graphs.module.css";

export function GraphListPage({ workspaceSlug }: { workspaceSlug: string }) {
  const { workspace, can, error, isLoading } = useWorkspace(workspaceSlug);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const workspaceId = workspace?.id;
  const graphs = useQuery({ ...trpc.graph.list.queryOptions({ workspaceId: workspaceId ?? "" }), enabled: !!workspaceId });
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<TGraphSort>("updated");
  const shown = useMemo(() => filterGraphs(graphs.data ?? [], query, sort), [graphs.data, query, sort]);

  useWorkspaceChannel(workspaceId, {
    onGraphUpdated: () => void queryClient.invalidateQueries({ queryKey: trpc.graph.list.queryKey() }),
  });

  if (error) return <main className={styles.page}><Alert>{getErrorMessage(error)}</Alert></main>;
  if (!isLoading && !workspace) return <main className={styles.page}><Alert>Workspace not found.</Alert></main>;

  return (
    <main className={styles.page}>
      <div className={styles.titleRow}>
        <div className={styles.title}>
          <h1>{workspace?.name ?? " "}</h1>
          {workspace && <Badge title="Your role in this workspace">{workspace.role}</Badge>}
        </div>
        <Link href={`/w/${workspaceSlug}/settings`}>Settings</Link>
      </div>
      {workspaceId && can("graph:create") && <CreateGraphForm workspaceId={workspaceId} workspaceSlug={workspaceSlug} />}
      {workspaceId && can("graph:create") && <ImportGraphForm workspaceId={workspaceId} workspaceSlug={workspaceSlug} />}
      {workspaceId && can("graph:create") && <TemplateGallery workspaceId={workspaceId} workspaceSlug={workspaceSlug} />}
      {graphs.error && <Alert>{getErrorMessage(graphs.error)}</Alert>}
      <div className={styles.listTools}>
        <input type="search" aria-label="Search graphs" placeholder="Search graphs by name" value={query} onChange={(event) => setQuery(event.target.value)} />
        <select aria-label="Sort graphs" value={sort} onChange={(event) => setSort(event.target.value as TGraphSort)}>
          <option value="updated">Recently changed</option>
          <option value="published">Recently published</option>
          <option value="name">Name</option>
        </select>
        {query && graphs.data && <span className={styles.muted}>{shown.length} of {graphs.data.length}</span>}
      </div>
      <ul className={styles.list} aria-label="Graphs" aria-busy={graphs.isLoading}>
        {graphs.isLoading && <li className={styles.placeholder} />}
        {graphs.data?.length === 0 && <li className={styles.empty}>No graphs yet.</li>}
        {graphs.data && graphs.data.length > 0 && shown.length === 0 && <li className={styles.empty}>No graph name matches “{query}”.</li>}
        {workspaceId &&
          shown.map((graph) => (
            <GraphRow
              key={graph.id}
              graph={graph}
              workspaceId={workspaceId}
              workspaceSlug={workspaceSlug}
              canRename={can("graph:update")}
              canDelete={can("graph:delete")}
            />
          ))}
      </ul>
    </main>
  );
}
