"use client";

import { useQuery } from "@tanstack/react-query";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import styles from "../settings/settings.module.css";
import { PasswordSection } from "./password-section";
import { ProfileSection } from "./profile-section";
import { ActivitySection } from "./activity-section";
import { SessionsSection } from "./sessions-section";

/** /account: the signed-in person's own name, password, signed-in browsers and security activity. */
export function AccountPage() {
  const trpc = useTRPC();
  const account = useQuery(trpc.account.get.queryOptions());
  if (account.isPending) return <main className={styles.page} aria-busy="true" />;
  if (account.error) return <main className={styles.page}><Alert>{getErrorMessage(account.error)}</Alert></main>;
  return (
    <main className={styles.page}>
      <div className={styles.row}>
        <h1>Account</h1>
        <span className={styles.muted}>{account.data.email}</span>
      </div>
      <ProfileSection name={account.data.name ?? ""} />
      {account.data.hasPassword && <PasswordSection />}
      <SessionsSection />
      <ActivitySection />
    </main>
  );
}
