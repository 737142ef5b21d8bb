"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "./button";
import styles from "./ui.module.css";

/** A modal built on <dialog>: focus is trapped by the browser and Escape cancels. */
export function ConfirmDialog(props: {
  isOpen: boolean;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  isBusy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // Several dialogs share a page (settings: API keys, members): each is named by its own title.
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.isOpen && !dialog.open) dialog.showModal();
    if (!props.isOpen && dialog.open) dialog.close();
  }, [props.isOpen]);

  return (
    <dialog ref={ref} className={styles.dialog} onCancel={props.onCancel} aria-labelledby={titleId}>
      <h2 id={titleId}>{props.title}</h2>
      <div>{props.children}</div>
      <div className={styles.dialogActions}>
        <Button onClick={props.onCancel}>Cancel</Button>
        <Button variant="dangerSolid" onClick={props.onConfirm} disabled={props.isBusy}>
          {props.confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
