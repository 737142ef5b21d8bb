"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextInput } from "../ui/text-input";
import { SecretEnvironmentForm } from "./secret-environment-form";
import styles from "./settings.module.css";
import { useRefreshSettings } from "./use-settings-mutation";

/** Names and masks only: a value goes up once and never comes back to the browser. */
export function SecretsSection({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  const secrets = useQuery(trpc.secret.list.queryOptions({ workspaceId }));
  const create = useMutation(trpc.secret.create.mutationOptions({ onSuccess: async () => { setName(""); setValue(""); await refresh(); } }));
  const remove = useMutation(trpc.secret.delete.mutationOptions({ onSuccess: refresh }));
  const clear = useMutation(trpc.secret.clearEnvironmentValue.mutationOptions({ onSuccess: refresh }));
  const [name, setName] = useState("");
  const [value, setValue] = useState("");
  const error = create.error ?? remove.error ?? clear.error ?? secrets.error;

  return (
    <section className={styles.section} aria-labelledby="secrets-title">
      <div className={styles.sectionHeader}>
        <h2 id="secrets-title">Secrets</h2>
        <p>
          Encrypted at rest; resolved only inside a running node and redacted from every record. A secret may hold its own
          value per environment: runs of a deployment there use it, every other run the default.
        </p>
      </div>
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      <table className={styles.table}>
        <thead><tr><th>Name</th><th>Default</th><th>Per environment</th><th /></tr></thead>
        <tbody>
          {secrets.data?.map((secret) => (
            <tr key={secret.id} data-testid="secret-row">
              <td className={styles.mono}>{secret.name}</td>
              <td className={styles.mono}>{secret.mask}</td>
              <td>
                {secret.overrides.length === 0 && <span className={styles.muted}>default everywhere</span>}
                {secret.overrides.map((override) => (
                  <span key={override.environment} className={styles.row} data-testid="secret-override">
                    {override.environment} <span className={styles.mono}>{override.mask}</span>
                    <Button onClick={() => clear.mutate({ workspaceId, name: secret.name, environment: override.environment })} title={`Runs in ${override.environment} use the default again`}>Clear</Button>
                  </span>
                ))}
              </td>
              <td><Button variant="danger" onClick={() => remove.mutate({ workspaceId, name: secret.name })}>Delete</Button></td>
            </tr>
          ))}
          {secrets.data?.length === 0 && <tr><td colSpan={4} className={styles.muted}>No secrets yet.</td></tr>}
        </tbody>
      </table>
      <form className={styles.row} onSubmit={(event) => { event.preventDefault(); create.mutate({ workspaceId, name, value }); }}>
        <TextInput aria-label="Secret name" placeholder="NAME" value={name} onChange={(e) => setName(e.target.value.toUpperCase())} style={{ width: 200 }} />
        <TextInput aria-label="Secret value" placeholder="Value" type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} className={styles.grow} />
        <Button type="submit" variant="primary" disabled={!name || !value || create.isPending}>Add secret</Button>
      </form>
      <SecretEnvironmentForm workspaceId={workspaceId} names={secrets.data?.map((secret) => secret.name) ?? []} onSaved={refresh} />
    </section>
  );
}
