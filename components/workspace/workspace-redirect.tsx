"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { CreateWorkspaceForm } from "./create-workspace-form";

/** `/` sends a signed-in user to their first workspace. */
export function WorkspaceRedirect() {
  const trpc = useTRPC();
  const router = useRouter();
  const workspaces = useQuery(trpc.workspace.list.queryOptions());
  const first = workspaces.data?.[0];
  useEffect(() => {
    if (first) router.replace(`/w/${first.slug}`);
  }, [first, router]);

  return (
    <main style={{ padding: 48 }}>
      {workspaces.error && <Alert>{getErrorMessage(workspaces.error)}</Alert>}
      {workspaces.data?.length === 0 && (
        <section style={{ maxWidth: 440, display: "grid", gap: 12 }}>
          <h1>Create your first workspace</h1>
          <p>You are not a member of any workspace yet: create one (you will own it), or ask an admin to invite you.</p>
          <CreateWorkspaceForm />
        </section>
      )}
    </main>
  );
}
