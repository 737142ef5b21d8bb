"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { describeWorkspaceFieldProblem, ZWorkspaceName, ZWorkspaceSlug } from "@/lib/workspaces/workspace-name";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, TextInput } from "../ui/text-input";
import { DeleteWorkspaceDialog } from "./delete-workspace-dialog";
import styles from "./settings.module.css";

/** Owners only: rename the workspace, move its URL, delete it. */
export function WorkspaceSection({ workspace }: { workspace: { id: string; name: string; slug: string } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState(workspace.name);
  const [slug, setSlug] = useState(workspace.slug);
  const [isDeleting, setIsDeleting] = useState(false);
  const rename = useMutation(
    trpc.workspace.rename.mutationOptions({
      onSuccess: async (renamed) => {
        await queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey() });
        if (renamed.slug !== workspace.slug) router.replace(`/w/${renamed.slug}/settings`);
      },
    }),
  );
  const nameProblem = describeWorkspaceFieldProblem(ZWorkspaceName, name);
  const slugProblem = slug === workspace.slug ? undefined : describeWorkspaceFieldProblem(ZWorkspaceSlug, slug);
  const isUnchanged = name.trim() === workspace.name && slug === workspace.slug;

  return (
    <section className={styles.section} aria-labelledby="workspace-title">
      <div className={styles.sectionHeader}>
        <h2 id="workspace-title">Workspace</h2>
        <p>Only owners see this.</p>
      </div>
      {rename.error && <Alert>{getErrorMessage(rename.error)}</Alert>}
      <form
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          rename.mutate({ workspaceId: workspace.id, name, slug: slug === workspace.slug ? undefined : slug });
        }}
      >
        <div className={styles.grow}>
          <Field label="Name">
            <TextInput value={name} onChange={(event) => setName(event.target.value)} aria-invalid={!!nameProblem} />
          </Field>
        </div>
        <div className={styles.grow}>
          <Field label="URL slug">
            <TextInput value={slug} onChange={(event) => setSlug(event.target.value)} aria-invalid={!!slugProblem} />
          </Field>
        </div>
        <Button type="submit" variant="primary" disabled={isUnchanged || !!nameProblem || !!slugProblem || rename.isPending}>
          Save
        </Button>
      </form>
      {(nameProblem ?? slugProblem) && <Alert tone="warning">{nameProblem ?? slugProblem}</Alert>}
      {slug !== workspace.slug && !slugProblem && <p className={styles.muted}>Links to /w/{workspace.slug} stop working once you save.</p>}
      <div className={styles.row}>
        <Button variant="danger" onClick={() => setIsDeleting(true)}>Delete workspace</Button>
        <span className={styles.muted}>Cancels its runs and removes its graphs, runs, secrets, keys and members. This cannot be undone.</span>
      </div>
      {isDeleting && <DeleteWorkspaceDialog workspace={workspace} onClose={() => setIsDeleting(false)} />}
    </section>
  );
}
