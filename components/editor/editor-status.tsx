"use client";

import type { TGraphSpec } from "@/lib/graph";
import { Button } from "../ui/button";
import styles from "./editor.module.css";
import type { TSaveState } from "./use-draft-autosave";

/**
 * Saves the graph as `<name>.studio-graph.json`, the file that "Import graph" reads back. Not `.openclaw.json`: OpenClaw
 * users read that as their gateway's config (which "Export openclaw.json" writes).
 */
export function downloadSpec(name: string, spec: TGraphSpec): void {
  downloadText(`${name.replace(/[\\/:*?"<>|]/g, "-")}.studio-graph.json`, JSON.stringify(spec, null, 2));
}

export function downloadText(fileName: string, text: string, type = "application/json"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

export function SaveStatus({ state }: { state: TSaveState }) {
  const text = {
    saved: "All changes saved",
    pending: "Unsaved changes",
    saving: "Saving…",
    error: state.status === "error" ? `Not saved: ${state.message}` : "",
    conflict: "Not saved: newer draft exists",
  }[state.status];
  return (
    <span className={styles.status} role="status" data-testid="save-status" data-status={state.status}>
      {text}
    </span>
  );
}

export function ConflictBanner({ onReload, onOverwrite }: { onReload: () => void; onOverwrite: () => void }) {
  return (
    <div className={styles.banner} role="alert">
      <span>Someone else saved this graph while you were editing. Your changes are still here.</span>
      <Button onClick={onReload}>Reload theirs</Button>
      <Button variant="danger" onClick={onOverwrite}>Overwrite with mine</Button>
    </div>
  );
}
