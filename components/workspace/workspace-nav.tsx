"use client";

import Link from "next/link";
import { useParams, usePathname } from "next/navigation";
import styles from "./studio-header.module.css";

/**
 * Workspace-wide sections in the header, on every page under /w/<workspace>. Graphs and Settings keep their links in
 * the pages' title rows; the run history spans all graphs, so the header is where it lives.
 */
export function WorkspaceNav() {
  const params = useParams<{ workspace?: string }>();
  const pathname = usePathname();
  if (!params.workspace) return null;
  const href = `/w/${params.workspace}/runs`;
  return (
    <nav aria-label="Workspace" className={styles.nav}>
      <Link href={href} className={styles.navLink} aria-current={pathname.startsWith(href) ? "page" : undefined}>
        Runs
      </Link>
    </nav>
  );
}
