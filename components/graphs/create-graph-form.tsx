"use client";

import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextInput } from "../ui/text-input";
import styles from "./graphs.module.css";
import { useCreateGraph } from "./use-create-graph";

export function CreateGraphForm({ workspaceId, workspaceSlug }: { workspaceId: string; workspaceSlug: string }) {
  const [name, setName] = useState("");
  const create = useCreateGraph(workspaceSlug);

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
