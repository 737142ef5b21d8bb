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

export function TrustedKeysSection({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  const keys = useQuery(trpc.plugin.listTrustedKeys.queryOptions({ workspaceId }));
  const add = useMutation(trpc.plugin.addTrustedKey.mutationOptions({ onSuccess: async () => { setPublisher(""); setPublicKey(""); await refresh(); } }));
  const remove = useMutation(trpc.plugin.removeTrustedKey.mutationOptions({ onSuccess: refresh }));
  const [publisher, setPublisher] = useState("");
  const [publicKey, setPublicKey] = useState("");
  const error = add.error ?? remove.error ?? keys.error;

  return (
    <section className={styles.section} aria-labelledby="keys-title">
      <div className={styles.sectionHeader}>
        <h2 id="keys-title">Trusted publisher keys</h2>
        <p>Plugins must be signed by one of these (npm run plugin -- keygen writes plugin-key.pub).</p>
      </div>
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      <table className={styles.table}>
        <thead><tr><th>Publisher</th><th>Fingerprint</th><th /></tr></thead>
        <tbody>
          {keys.data?.map((key) => (
            <tr key={key.id}>
              <td>{key.publisher}</td>
              <td className={styles.mono}>{key.fingerprint}</td>
              <td><Button variant="danger" onClick={() => remove.mutate({ workspaceId, keyId: key.id })}>Remove</Button></td>
            </tr>
          ))}
          {keys.data?.length === 0 && <tr><td colSpan={3} className={styles.muted}>No trusted keys yet.</td></tr>}
        </tbody>
      </table>
      <form className={styles.row} onSubmit={(event) => { event.preventDefault(); add.mutate({ workspaceId, publisher, publicKey }); }}>
        <TextInput aria-label="Publisher" placeholder="Publisher" value={publisher} onChange={(e) => setPublisher(e.target.value)} style={{ width: 160 }} />
        <TextInput aria-label="Public key" placeholder="Public key (base64)" value={publicKey} onChange={(e) => setPublicKey(e.target.value)} className={styles.grow} />
        <Button type="submit" variant="primary" disabled={!publisher || !publicKey || add.isPending}>Trust key</Button>
      </form>
    </section>
  );
}
