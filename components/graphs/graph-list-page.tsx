"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { X } from "lucide-react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { useWorkspaceChannel } from "../realtime/use-workspace-channel";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert, Badge } from "../ui/alert";
import { useWorkspace } from "../workspace/use-workspace";
import { CreateGraphForm } from "./create-graph-form";
import { filterGraphs, type TGraphSort } from "./filter-graphs";
import { GraphRow } from "./graph-row";
import { readTagFilter, tagFilterHref } from "./graph-tag-filter";
import { ImportGraphForm } from "./import-graph-form";
import { ImportOpenClawConfigForm } from "./import-openclaw-config-form";
import { TemplateGallery } from "./template-gallery";
import styles from "./graphs.module.css";

export function GraphListPage({ workspaceSlug }: { workspaceSlug: string }) {
  const { workspace, can, error, isLoading } = useWorkspace(workspaceSlug);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const searchParams = useSearchParams();
  const filterTags = useMemo(() => readTagFilter(new URLSearchParams(searchParams.toString())), [searchParams]);
  const workspaceId = workspace?.id;
  // The tag filter is the server's (graph.list), the name search and the order are the browser's, on what it answered.
  const graphs = useQuery({ ...trpc.graph.list.queryOptions({ workspaceId: workspaceId ?? "", tags: filterTags }), enabled: !!workspaceId, placeholderData: keepPreviousData });
  const tags = useQuery({ ...trpc.graph.listTags.queryOptions({ workspaceId: workspaceId ?? "" }), enabled: !!workspaceId });
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<TGraphSort>("updated");
  const shown = useMemo(() => filterGraphs(graphs.data ?? [], query, sort), [graphs.data, query, sort]);
  const tagSuggestionsId = useId();
  const otherTags = (tags.data ?? []).filter((entry) => !filterTags.includes(entry.tag));

  useWorkspaceChannel(workspaceId, {
    onGraphUpdated: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.graph.list.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.graph.listTags.queryKey() });
    },
  });

  if (error) return <main className={styles.page}><Alert>{getErrorMessage(error)}</Alert></main>;
  if (!isLoading && !workspace) return <main className={styles.page}><Alert>Workspace not found.</Alert></main>;

  const isFiltered = query.trim() !== "" || filterTags.length > 0;
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
      {workspaceId && can("graph:create") && <ImportOpenClawConfigForm workspaceId={workspaceId} workspaceSlug={workspaceSlug} />}
      {workspaceId && can("graph:create") && <TemplateGallery workspaceId={workspaceId} workspaceSlug={workspaceSlug} />}
      {graphs.error && <Alert>{getErrorMessage(graphs.error)}</Alert>}
      <div className={styles.listTools}>
        <input type="search" aria-label="Search graphs" placeholder="Search graphs by name" value={query} onChange={(event) => setQuery(event.target.value)} />
        <select aria-label="Sort graphs" value={sort} onChange={(event) => setSort(event.target.value as TGraphSort)}>
          <option value="updated">Recently changed</option>
          <option value="published">Recently published</option>
          <option value="name">Name</option>
        </select>
        {otherTags.length > 0 && (
          <select aria-label="Filter by tag" value="" onChange={(event) => event.target.value && router.push(tagFilterHref(workspaceSlug, [...filterTags, event.target.value]))}>
            <option value="">Filter by tag…</option>
            {otherTags.map((entry) => (
              <option key={entry.tag} value={entry.tag}>
                {entry.tag} ({entry.graphCount})
              </option>
            ))}
          </select>
        )}
        {filterTags.length > 0 && (
          <span className={styles.filterTags} role="group" aria-label="Tags the list is filtered by">
            {filterTags.map((tag) => (
              <span key={tag} className={styles.tag}>
                {tag}
                <Link className={styles.tagRemove} href={tagFilterHref(workspaceSlug, filterTags.filter((other) => other !== tag))} aria-label={`Stop filtering by ${tag}`}>
                  <X size={12} aria-hidden="true" />
                </Link>
              </span>
            ))}
          </span>
        )}
        {isFiltered && graphs.data && <span className={styles.muted}>{shown.length} shown</span>}
      </div>
      <datalist id={tagSuggestionsId}>
        {tags.data?.map((entry) => <option key={entry.tag} value={entry.tag} />)}
      </datalist>
      <ul className={styles.list} aria-label="Graphs" aria-busy={graphs.isLoading || graphs.isPlaceholderData}>
        {graphs.isLoading && <li className={styles.placeholder} />}
        {graphs.data && shown.length === 0 && <li className={styles.empty}>{describeEmptyList(query, filterTags)}</li>}
        {workspaceId &&
          shown.map((graph) => (
            <GraphRow
              key={graph.id}
              graph={graph}
              workspaceId={workspaceId}
              workspaceSlug={workspaceSlug}
              filterTags={filterTags}
              tagSuggestionsId={tagSuggestionsId}
              canRename={can("graph:update")}
              canDelete={can("graph:delete")}
              canRestrict={can("members:manage")}
            />
          ))}
      </ul>
    </main>
  );
}

function describeEmptyList(query: string, filterTags: string[]): string {
  const tagged = filterTags.length > 0 ? ` tagged ${filterTags.join(" and ")}` : "";
  if (query.trim()) return `No graph${tagged} has a name matching “${query}”.`;
  if (tagged) return `No graph is${tagged}.`;
  return "No graphs yet.";
}
