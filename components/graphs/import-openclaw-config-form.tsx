"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { collectOpenClawUpload } from "./collect-openclaw-upload";
import styles from "./graphs.module.css";

// Chromium and Firefox both take this non-standard attribute; React passes it through as written.
const FOLDER_PICKER = { webkitdirectory: "" } as Record<string, string>;

/**
 * "Import openclaw.json": an OpenClaw gateway's config (with the files it `$include`s and workspace .md files, picked
 * as files or as a whole folder) becomes a new graph; the server parses it and executes nothing.
 */
export function ImportOpenClawConfigForm({ workspaceId, workspaceSlug }: { workspaceId: string; workspaceSlug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string>();
  const importConfig = useMutation(
    trpc.openClaw.importConfig.mutationOptions({
      onSuccess: async (imported) => {
        await queryClient.invalidateQueries({ queryKey: trpc.graph.list.queryKey() });
        router.push(`/w/${workspaceSlug}/graphs/${imported.graphId}`);
      },
    }),
  );

  async function onImport(event: React.FormEvent) {
    event.preventDefault();
    const picked = [...(filesRef.current?.files ?? []), ...(folderRef.current?.files ?? [])];
    const collected = collectOpenClawUpload(await Promise.all(picked.map(async (file) => ({ name: file.name, relativePath: file.webkitRelativePath, content: await file.text() }))));
    setProblem(collected.ok ? undefined : collected.message);
    if (!collected.ok) return;
    const folder = picked[0]?.webkitRelativePath.split("/")[0];
    importConfig.mutate({ workspaceId, name: folder ? `${folder} (openclaw.json)` : collected.upload.entry, ...collected.upload });
  }

  return (
    <div>
      <form className={styles.createForm} onSubmit={onImport}>
        <input ref={filesRef} type="file" multiple accept=".json,.json5,.md,application/json,text/markdown" aria-label="openclaw.json and workspace files" />
        <input ref={folderRef} type="file" aria-label="or an OpenClaw config folder" {...FOLDER_PICKER} />
        <Button type="submit" disabled={importConfig.isPending}>Import openclaw.json</Button>
      </form>
      {(problem || importConfig.error) && <Alert>{problem ?? getErrorMessage(importConfig.error)}</Alert>}
    </div>
  );
}
