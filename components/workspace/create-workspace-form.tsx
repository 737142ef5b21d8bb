"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { describeWorkspaceFieldProblem, suggestWorkspaceSlug, ZWorkspaceName, ZWorkspaceSlug } from "@/lib/workspaces/workspace-name";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, TextInput } from "../ui/text-input";
import styles from "./workspace-switcher.module.css";

/** Name and slug (suggested from the name until edited), checked as you type; on success, opens the new workspace. */
export function CreateWorkspaceForm({ onCancel }: { onCancel?: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [editedSlug, setEditedSlug] = useState<string | null>(null);
  const slug = editedSlug ?? suggestWorkspaceSlug(name);
  const create = useMutation(
    trpc.workspace.create.mutationOptions({
      onSuccess: async (workspace) => {
        await queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey() });
        onCancel?.();
        router.push(`/w/${workspace.slug}`);
      },
    }),
  );
  const nameProblem = name ? describeWorkspaceFieldProblem(ZWorkspaceName, name) : undefined;
  const slugProblem = slug ? describeWorkspaceFieldProblem(ZWorkspaceSlug, slug) : undefined;

  return (
    <form
      className={styles.form}
      aria-label="New workspace"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ name, slug });
      }}
    >
      <Field label="Workspace name">
        <TextInput value={name} onChange={(event) => setName(event.target.value)} aria-invalid={!!nameProblem} autoFocus />
      </Field>
      {nameProblem && <p className={styles.problem}>{nameProblem}</p>}
      <Field label="Workspace URL slug">
        <TextInput value={slug} onChange={(event) => setEditedSlug(event.target.value)} aria-invalid={!!slugProblem} />
      </Field>
      <p className={slugProblem ? styles.problem : styles.hint}>{slugProblem ?? `The workspace will live at /w/${slug || "…"}`}</p>
      {create.error && <Alert>{getErrorMessage(create.error)}</Alert>}
      <div className={styles.actions}>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
        <Button type="submit" variant="primary" disabled={!name.trim() || !slug || !!nameProblem || !!slugProblem || create.isPending}>
          Create workspace
        </Button>
      </div>
    </form>
  );
}
