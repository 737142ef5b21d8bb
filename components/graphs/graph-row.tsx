"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { getErrorMessage } from "../trpc/error-message";
import { runHistoryHref } from "../runs/history/history-filter";
import { useTRPC } from "../trpc/trpc";
import { Alert, Badge } from "../ui/alert";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { formatRelativeTime } from "../ui/format-relative-time";
import { TextInput } from "../ui/text-input";
import { GraphAccessDialog } from "./graph-access-dialog";
import { GraphTags } from "./graph-tags";
import styles from "./graphs.module.css";

type TGraphListItem = inferRouterOutputs<AppRouter>["graph"]["list"][number];

type TGraphRowProps = {
  graph: TGraphListItem;
  workspaceId: string;
  workspaceSlug: string;
  /** The tags the list is filtered by, and the id of the page's suggestions of tags. */
  filterTags: string[];
  tagSuggestionsId: string;
  canRename: boolean;
  canDelete: boolean;
  canRestrict: boolean;
};

export function GraphRow(props: TGraphRowProps) {
  const { graph, workspaceId } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isRenaming, setIsRenaming] = useState(false);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const [isEditingAccess, setIsEditingAccess] = useState(false);
  const [name, setName] = useState(graph.name);
  const refreshList = () => queryClient.invalidateQueries({ queryKey: trpc.graph.list.queryKey() });

  const rename = useMutation(trpc.graph.rename.mutationOptions({ onSuccess: async () => { await refreshList(); setIsRenaming(false); } }));
  const remove = useMutation(trpc.graph.delete.mutationOptions({ onSuccess: async () => { setIsConfirmingDelete(false); await refreshList(); } }));

  return (
    <li className={styles.row} data-testid="graph-row">
      <div>
      {isRenaming ? (
        <form
          className={styles.renameForm}
          onSubmit={(event) => {
            event.preventDefault();
            rename.mutate({ workspaceId, graphId: graph.id, name });
          }}
        >
          <TextInput aria-label="Graph name" value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={120} />
          <Button type="submit" variant="primary" disabled={rename.isPending}>Save</Button>
          <Button onClick={() => { setIsRenaming(false); setName(graph.name); rename.reset(); }}>Cancel</Button>
        </form>
      ) : (
        <div>
          <Link className={styles.name} href={`/w/${props.workspaceSlug}/graphs/${graph.id}`}>{graph.name}</Link>
          <div className={styles.meta}>
            <span>edited {formatRelativeTime(graph.updatedAt)}</span>
            <Badge>{graph.latestVersion ? `v${graph.latestVersion}` : "draft only"}</Badge>
            {graph.isRestricted && <Badge title="Only owners and the chosen roles and members see this graph">restricted</Badge>}
          </div>
          <GraphTags workspaceId={workspaceId} workspaceSlug={props.workspaceSlug} graph={graph} filterTags={props.filterTags} canTag={props.canRename} suggestionsId={props.tagSuggestionsId} />
        </div>
      )}
      {(rename.error ?? remove.error) && <Alert>{getErrorMessage(rename.error ?? remove.error)}</Alert>}
      </div>
      <div className={styles.actions}>
        <Link className={styles.runsLink} href={runHistoryHref(props.workspaceSlug, { graphId: graph.id })} title={`Run history of ${graph.name}`}>Runs</Link>
        {props.canRename && !isRenaming && <Button variant="ghost" onClick={() => { setName(graph.name); setIsRenaming(true); }}>Rename</Button>}
        {props.canRestrict && <Button variant="ghost" onClick={() => setIsEditingAccess(true)}>Access</Button>}
        {props.canDelete && <Button variant="danger" onClick={() => setIsConfirmingDelete(true)}>Delete</Button>}
      </div>
      {isEditingAccess && <GraphAccessDialog workspaceId={workspaceId} graphId={graph.id} graphName={graph.name} onClose={() => setIsEditingAccess(false)} />}
      <ConfirmDialog
        isOpen={isConfirmingDelete}
        title={`Delete "${graph.name}"?`}
        confirmLabel="Delete graph"
        isBusy={remove.isPending}
        onCancel={() => setIsConfirmingDelete(false)}
        onConfirm={() => remove.mutate({ workspaceId, graphId: graph.id })}
      >
        <p>The graph leaves the list. Its published versions and runs are kept for history.</p>
      </ConfirmDialog>
    </li>
  );
}
