"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { GRAPH_TAG_LIMITS, readGraphTag } from "@/lib/graph";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Button } from "../ui/button";
import { TextInput } from "../ui/text-input";
import { tagFilterHref } from "./graph-tag-filter";
import styles from "./graphs.module.css";

type TGraphTagsProps = {
  workspaceId: string;
  workspaceSlug: string;
  graph: { id: string; name: string; tags: string[] };
  /** The tags the list is filtered by: a chip adds its tag to them. */
  filterTags: string[];
  canTag: boolean;
  /** The id of the page's <datalist> of the workspace's tags. */
  suggestionsId: string;
};

/**
 * A graph's tags as chips; each links to the list filtered by it. Editors take a tag off with its ✕ and add one,
 * typed with the workspace's tags suggested; a refused tag says why under the field, before or after asking the server.
 */
export function GraphTags({ workspaceId, workspaceSlug, graph, filterTags, canTag, suggestionsId }: TGraphTagsProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isAdding, setAdding] = useState(false);
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string>();
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: trpc.graph.list.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.graph.listTags.queryKey() })]);
  const add = useMutation(trpc.graph.addTag.mutationOptions({ onSuccess: async () => { await refresh(); setText(""); setAdding(false); } }));
  const remove = useMutation(trpc.graph.removeTag.mutationOptions({ onSuccess: refresh }));
  const error = problem ?? (add.error ? getErrorMessage(add.error) : remove.error ? getErrorMessage(remove.error) : undefined);
  const stopAdding = () => {
    setAdding(false);
    setText("");
    setProblem(undefined);
    add.reset();
  };

  if (graph.tags.length === 0 && !canTag) return null;
  return (
    <div className={styles.tags} role="group" aria-label={`Tags of ${graph.name}`}>
      {graph.tags.map((tag) => (
        <span key={tag} className={styles.tag} data-testid="graph-tag">
          <Link href={tagFilterHref(workspaceSlug, filterTags.includes(tag) ? filterTags : [...filterTags, tag])} title={`Show the graphs tagged ${tag}`}>
            {tag}
          </Link>
          {canTag && (
            <button type="button" className={styles.tagRemove} aria-label={`Remove tag ${tag}`} disabled={remove.isPending} onClick={() => remove.mutate({ workspaceId, graphId: graph.id, tag })}>
              <X size={12} aria-hidden="true" />
            </button>
          )}
        </span>
      ))}
      {canTag && isAdding && (
        <form
          className={styles.tagForm}
          onSubmit={(event) => {
            event.preventDefault();
            const read = readGraphTag(text);
            setProblem("error" in read ? read.error : undefined);
            if ("tag" in read) add.mutate({ workspaceId, graphId: graph.id, tag: read.tag });
          }}
        >
          <TextInput
            aria-label={`New tag for ${graph.name}`}
            list={suggestionsId}
            value={text}
            maxLength={GRAPH_TAG_LIMITS.maxLength + 8}
            autoFocus
            onChange={(event) => {
              setText(event.target.value);
              setProblem(undefined);
            }}
            onKeyDown={(event) => event.key === "Escape" && stopAdding()}
          />
          <Button type="submit" variant="primary" disabled={add.isPending}>
            Add
          </Button>
          <Button onClick={stopAdding}>Cancel</Button>
        </form>
      )}
      {canTag && !isAdding && graph.tags.length < GRAPH_TAG_LIMITS.maxPerGraph && (
        <Button variant="ghost" className={styles.tagAdd} onClick={() => setAdding(true)} aria-label={`Add a tag to ${graph.name}`}>
          + Tag
        </Button>
      )}
      {error && (
        <span className={styles.tagProblem} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
