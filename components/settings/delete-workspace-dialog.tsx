"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Modal } from "../ui/modal";
import { Field, TextInput } from "../ui/text-input";
import uiStyles from "../ui/ui.module.css";

/** Deleting needs the workspace's name typed exactly: the one action here that cannot be undone. Render it only while open. */
export function DeleteWorkspaceDialog({ workspace, onClose }: { workspace: { id: string; name: string }; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState("");
  const remove = useMutation(
    trpc.workspace.delete.mutationOptions({
      onSuccess: async () => {
        onClose();
        router.replace("/");
        await queryClient.invalidateQueries();
      },
    }),
  );

  return (
    <Modal title={`Delete ${workspace.name}?`} onClose={onClose}>
      <p>Its running runs are cancelled, then every graph, version, run, secret, API key, trigger and membership of it is removed.</p>
      <Field label={`Type ${workspace.name} to confirm`}>
        <TextInput value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" />
      </Field>
      {remove.error && <Alert>{getErrorMessage(remove.error)}</Alert>}
      <div className={uiStyles.dialogActions}>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="dangerSolid"
          disabled={typed.trim() !== workspace.name || remove.isPending}
          onClick={() => remove.mutate({ workspaceId: workspace.id, confirmName: typed })}
        >
          {remove.isPending ? "Stopping runs and deleting…" : "Delete workspace"}
        </Button>
      </div>
    </Modal>
  );
}
