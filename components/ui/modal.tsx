"use client";

import { useEffect, useId, useRef } from "react";
import styles from "./ui.module.css";

/**
 * A modal on <dialog>: the browser traps focus and Escape closes it. Render it only while open, so what was typed in
 * it is gone when it closes (a typed confirmation must be typed again).
 */
export function Modal({ title, size = "narrow", onClose, children }: { title: string; size?: "narrow" | "wide"; onClose: () => void; children: React.ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`${styles.dialog} ${size === "wide" ? styles.dialogWide : ""}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className={styles.dialogBody}>{children}</div>
    </dialog>
  );
}
