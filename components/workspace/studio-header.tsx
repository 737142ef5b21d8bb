"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { ConnectionBanner } from "../realtime/connection-banner";
import { Button } from "../ui/button";
import styles from "./studio-header.module.css";
import { WorkspaceNav } from "./workspace-nav";

export function StudioHeader() {
  return (
    <>
      <header className={styles.header}>
        <div className={styles.left}>
          <Link href="/" className={styles.brand}>
            OpenClaw Studio
          </Link>
          <WorkspaceNav />
        </div>
        <div className={styles.right}>
          <Button variant="ghost" onClick={() => void signOut({ callbackUrl: "/signin" })}>
            Sign out
          </Button>
        </div>
      </header>
      <ConnectionBanner />
    </>
  );
}
