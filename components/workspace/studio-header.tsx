"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { ConnectionBanner } from "../realtime/connection-banner";
import { useMembershipNotices } from "../realtime/use-membership-notices";
import { Button } from "../ui/button";
import styles from "./studio-header.module.css";
import { WorkspaceNav } from "./workspace-nav";
import { WorkspaceSwitcher } from "./workspace-switcher";

export function StudioHeader() {
  useMembershipNotices();
  return (
    <>
      <header className={styles.header}>
        <div className={styles.left}>
          <Link href="/" className={styles.brand}>
            OpenClaw Studio
          </Link>
          <WorkspaceSwitcher />
          <WorkspaceNav />
        </div>
        <div className={styles.right}>
          <Link href="/account" className={styles.navLink}>
            Account
          </Link>
          <Button variant="ghost" onClick={() => void signOut({ callbackUrl: "/signin" })}>
            Sign out
          </Button>
        </div>
      </header>
      <ConnectionBanner />
    </>
  );
}
