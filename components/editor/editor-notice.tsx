"use client";

import { X } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import styles from "./editor.module.css";

/** A short message on the canvas about what an edit did or could not do (clipboard, undo). */
export type TEditorNotice = { tone: "info" | "warning" | "error"; text: string };

// Long enough to read a reason and its fix; a confirmation goes sooner.
const SHOWN_MS: Record<TEditorNotice["tone"], number> = { info: 3_000, warning: 12_000, error: 12_000 };

export function useEditorNotice() {
  const [shown, setShown] = useState<TEditorNotice & { id: number }>();
  const notify = useCallback((notice: TEditorNotice) => setShown((previous) => ({ ...notice, id: (previous?.id ?? 0) + 1 })), []);
  const dismiss = useCallback(() => setShown(undefined), []);
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown((current) => (current?.id === shown.id ? undefined : current)), SHOWN_MS[shown.tone]);
    return () => clearTimeout(timer);
  }, [shown]);
  return { notice: shown, notify, dismiss };
}

export function EditorNotice({ notice, onDismiss }: { notice: TEditorNotice | undefined; onDismiss: () => void }) {
  if (!notice) return null;
  return (
    <div className={`${styles.notice} ${styles[`notice-${notice.tone}`]}`} role={notice.tone === "error" ? "alert" : "status"} data-testid="editor-notice" data-tone={notice.tone}>
      <span>{notice.text}</span>
      <button type="button" className={styles.noticeClose} onClick={onDismiss} aria-label="Dismiss">
        <X size={14} aria-hidden="true" />
      </button>
    </div>
  );
}
