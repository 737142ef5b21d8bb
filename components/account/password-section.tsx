"use client";

import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-length";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, TextInput } from "../ui/text-input";
import styles from "../settings/settings.module.css";

/** Needs the current password; the server judges the new one and ends every other session of the account. */
export function PasswordSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: async () => {
        setCurrentPassword("");
        setNewPassword("");
        await queryClient.invalidateQueries(trpc.account.listSessions.queryFilter());
      },
    }),
  );
  return (
    <section className={styles.section} aria-labelledby="password-title">
      <div className={styles.sectionHeader}>
        <h2 id="password-title">Password</h2>
        <p>At least {MIN_PASSWORD_LENGTH} characters and hard to guess. Changing it signs out every other browser.</p>
      </div>
      <form
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          change.mutate({ currentPassword, newPassword });
        }}
      >
        <Field label="Current password">
          <TextInput type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrentPassword(e.target.value)} required />
        </Field>
        <Field label="New password">
          <TextInput type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} required />
        </Field>
        <Button type="submit" variant="primary" disabled={change.isPending}>Change password</Button>
      </form>
      {change.error && <Alert>{getErrorMessage(change.error)}</Alert>}
      {change.data && (
        <Alert tone="warning">
          Password changed. {change.data.endedSessions === 1 ? "1 other session was" : `${change.data.endedSessions} other sessions were`} signed out.
        </Alert>
      )}
    </section>
  );
}
