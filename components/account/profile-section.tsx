"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextInput } from "../ui/text-input";
import styles from "../settings/settings.module.css";

export function ProfileSection({ name: savedName }: { name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(savedName);
  const rename = useMutation(trpc.account.rename.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.account.get.queryFilter()) }));
  return (
    <section className={styles.section} aria-labelledby="profile-title">
      <div className={styles.sectionHeader}>
        <h2 id="profile-title">Name</h2>
        <p>How teammates see you in members lists and version history.</p>
      </div>
      {rename.error && <Alert>{getErrorMessage(rename.error)}</Alert>}
      <form className={styles.row} onSubmit={(event) => { event.preventDefault(); rename.mutate({ name }); }}>
        <TextInput aria-label="Name" value={name} onChange={(e) => setName(e.target.value)} className={styles.grow} />
        <Button type="submit" variant="primary" disabled={rename.isPending || name.trim() === savedName}>Save name</Button>
        {rename.isSuccess && name.trim() === savedName && <span role="status">Saved.</span>}
      </form>
    </section>
  );
}
