"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { createNodeTypeRegistry } from "@/lib/graph";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import styles from "./graphs.module.css";
import { useCreateGraph } from "./use-create-graph";
import { graphNameFromFile, parseGraphFile } from "./parse-graph-file";

/** Imports an exported graph file as a new graph, after checking it in the browser (the server checks it again). */
export function ImportGraphForm({ workspaceId, workspaceSlug }: { workspaceId: string; workspaceSlug: string }) {
  const trpc = useTRPC();
  const fileRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string>();
  const nodeTypes = useQuery(trpc.nodeType.list.queryOptions({ workspaceId }));
  const registry = useMemo(() => createNodeTypeRegistry(nodeTypes.data ?? []), [nodeTypes.data]);
  const create = useCreateGraph(workspaceSlug);

  async function onImport(event: React.FormEvent) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    const parsed = parseGraphFile(await file.text(), registry);
    setProblem(parsed.ok ? undefined : parsed.message);
    if (parsed.ok) create.mutate({ workspaceId, name: graphNameFromFile(file.name), spec: parsed.spec });
  }

  return (
    <div>
      <form className={styles.createForm} onSubmit={onImport}>
        <input ref={fileRef} type="file" accept=".json,application/json" aria-label="Graph file" />
        <Button type="submit" disabled={create.isPending || nodeTypes.isLoading}>Import graph</Button>
      </form>
      {(problem || create.error) && <Alert>{problem ?? getErrorMessage(create.error)}</Alert>}
    </div>
  );
}
