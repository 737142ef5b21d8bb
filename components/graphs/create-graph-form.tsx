"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextInput } from "../ui/text-input";
import styles from "./graphs.module.css";

export function CreateGraphForm({ workspaceId, workspaceSlug }: { workspaceId: string; workspaceSlug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.graph.create.mutationOptions({
      onSuccess: async (graph) => {
        await queryClient.invalidateQueries({ queryKey: trpc.graph.list.queryKey() });
        router.push(`/w/${workspaceSlug}/graphs/${graph.id}`);
      },
    }),
  );

  return (
    <div>
      <form
        className={styles.createForm}
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ workspaceId, name });
        }}
      >
        <TextInput aria-label="New graph name" placeholder="New graph name" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
        <Button type="submit" variant="primary" disabled={create.isPending || name.trim() === ""}>
          New graph
        </Button>
      </form>
      {create.error && <Alert>{getErrorMessage(create.error)}</Alert>}
    </div>
  );
}
