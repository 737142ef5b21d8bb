"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { Button } from "../ui/button";
import styles from "./studio-header.module.css";

export function StudioHeader() {
  return (
    <header className={styles.header}>
      <Link href="/" className={styles.brand}>
        OpenClaw Studio
      </Link>
      <div className={styles.right}>
        <Button variant="ghost" onClick={() => void signOut({ callbackUrl: "/signin" })}>
          Sign out
        </Button>
      </div>
    </header>
  );
}
