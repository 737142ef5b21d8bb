"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextInput } from "../ui/text-input";
import styles from "./settings.module.css";
import { useRefreshSettings } from "./use-settings-mutation";

export function EgressSection({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  const rules = useQuery(trpc.egress.list.queryOptions({ workspaceId }));
  const add = useMutation(trpc.egress.add.mutationOptions({ onSuccess: async () => { setHost(""); await refresh(); } }));
  const remove = useMutation(trpc.egress.remove.mutationOptions({ onSuccess: refresh }));
  const [host, setHost] = useState("");
  const error = add.error ?? remove.error ?? rules.error;

  return (
    <section className={styles.section} aria-labelledby="egress-title">
      <div className={styles.sectionHeader}>
        <h2 id="egress-title">Outbound hosts</h2>
        <p>HTTP and Code nodes reach only these hosts. Cloud metadata addresses can never be added.</p>
      </div>
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      <table className={styles.table}>
        <thead><tr><th>Host</th><th /></tr></thead>
        <tbody>
          {rules.data?.map((rule) => (
            <tr key={rule.id} data-testid="egress-row">
              <td className={styles.mono}>{rule.host}</td>
              <td><Button variant="danger" onClick={() => remove.mutate({ workspaceId, ruleId: rule.id })}>Remove</Button></td>
            </tr>
          ))}
          {rules.data?.length === 0 && <tr><td colSpan={2} className={styles.muted}>No outbound host is allowed yet.</td></tr>}
        </tbody>
      </table>
      <form className={styles.row} onSubmit={(event) => { event.preventDefault(); add.mutate({ workspaceId, host }); }}>
        <TextInput aria-label="Host" placeholder="api.example.com, *.example.com or host:port" value={host} onChange={(e) => setHost(e.target.value)} className={styles.grow} />
        <Button type="submit" variant="primary" disabled={!host || add.isPending}>Allow host</Button>
      </form>
    </section>
  );
}
