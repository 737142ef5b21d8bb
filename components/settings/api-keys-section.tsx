"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ACCESS_RIGHTS, type TRole } from "@/lib/auth/access-rights";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert, Badge } from "../ui/alert";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { formatRelativeTime } from "../ui/format-relative-time";
import { ApiKeyCreateForm } from "./api-key-create-form";
import { describeApiKeyState } from "./api-key-state";
import styles from "./settings.module.css";
import { useRefreshSettings } from "./use-settings-mutation";

type TRevoking = { id: string; name: string; prefix: string };

/** Keys by prefix with their role, graph and use; a key itself is shown once, by the create form. */
export function ApiKeysSection({ workspaceId, ownRole }: { workspaceId: string; ownRole: TRole }) {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  const keys = useQuery(trpc.apiKey.list.queryOptions({ workspaceId }));
  const [revoking, setRevoking] = useState<TRevoking | null>(null);
  const revoke = useMutation(trpc.apiKey.revoke.mutationOptions({ onSuccess: async () => { setRevoking(null); await refresh(); } }));
  const error = revoke.error ?? keys.error;

  return (
    <section className={styles.section} aria-labelledby="api-keys-title">
      <div className={styles.sectionHeader}>
        <h2 id="api-keys-title">API keys</h2>
        <p>For scripts and CI: send <code>Authorization: Bearer ocs_…</code>. A key acts with its role, never above yours.</p>
      </div>
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      <table className={styles.table}>
        <thead><tr><th>Name</th><th>Key</th><th>Role</th><th>Graphs</th><th>Environment</th><th>Created</th><th>Last used</th><th>Expires</th><th /></tr></thead>
        <tbody>
          {keys.data?.map((key) => {
            const state = describeApiKeyState(key);
            return (
              <tr key={key.id} data-testid="api-key-row" className={state.isUsable ? undefined : styles.muted}>
                <td>{key.name}</td>
                <td className={styles.mono}>ocs_{key.prefix}…</td>
                <td><Badge title={key.scopes.join(", ")}>{key.role}{key.scopes.length < ACCESS_RIGHTS[key.role].length ? ` · ${key.scopes.length} scopes` : ""}</Badge></td>
                <td>{key.graphs.length > 0 ? key.graphs.map((graph) => graph.name ?? "a graph you cannot see").join(", ") : <span className={styles.muted}>All graphs</span>}</td>
                <td>{key.environment ?? <span className={styles.muted} title="Its environment was deleted: its runs use the latest published version">none</span>}</td>
                <td title={`by ${key.createdBy}`}>{formatRelativeTime(key.createdAt)}</td>
                <td>{key.lastUsedAt ? formatRelativeTime(key.lastUsedAt) : "Never"}</td>
                <td>{key.expiresAt ? formatRelativeTime(key.expiresAt) : "Never"}</td>
                <td>
                  {state.isUsable
                    ? <Button variant="danger" onClick={() => setRevoking(key)}>Revoke</Button>
                    : <Badge title={key.revokedAt ? `Revoked ${formatRelativeTime(key.revokedAt)}` : undefined}>{state.label}</Badge>}
                </td>
              </tr>
            );
          })}
          {keys.data?.length === 0 && <tr><td colSpan={9} className={styles.muted}>No API keys yet.</td></tr>}
        </tbody>
      </table>
      <ApiKeyCreateForm workspaceId={workspaceId} ownRole={ownRole} onCreated={refresh} />
      <ConfirmDialog
        isOpen={revoking !== null}
        title={`Revoke the key “${revoking?.name ?? ""}”?`}
        confirmLabel="Revoke"
        isBusy={revoke.isPending}
        onConfirm={() => {
          if (revoking) revoke.mutate({ workspaceId, apiKeyId: revoking.id });
        }}
        onCancel={() => setRevoking(null)}
      >
        Requests with ocs_{revoking?.prefix}… are refused at once and its open connections close. This cannot be undone.
      </ConfirmDialog>
    </section>
  );
}
