"use client";

import dynamic from "next/dynamic";
import styles from "./config-form.module.css";

/** The CodeMirror bundle loads when a form first shows a code or JSON field, not with the canvas. */
export const LazyCodeEditor = dynamic(() => import("./code-editor"), {
  ssr: false,
  loading: () => <div className={styles.codeLoading}>Loading editor…</div>,
});
