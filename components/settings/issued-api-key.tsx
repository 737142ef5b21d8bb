"use client";

import { useState } from "react";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import styles from "./settings.module.css";

/** The new key, shown once right after creation: the server keeps only its hash. */
export function IssuedApiKey({ workspaceId, name, apiKey, onDone }: { workspaceId: string; name: string; apiKey: string; onDone: () => void }) {
  const [isCopied, setIsCopied] = useState(false);
  const url = `${window.location.origin}/api/trpc/graph.list?input=${encodeURIComponent(JSON.stringify({ workspaceId }))}`;
  const curl = `curl -H 'Authorization: Bearer ${apiKey}' \\\n  '${url}'`;
  return (
    <div className={styles.issued} data-testid="issued-api-key">
      <Alert tone="warning">Copy the key “{name}” now: it is shown only once. Anyone who has it can act with its role.</Alert>
      <div className={styles.row}>
        <input aria-label="New API key" className={`${styles.mono} ${styles.grow}`} readOnly value={apiKey} onFocus={(event) => event.target.select()} />
        <Button onClick={() => void navigator.clipboard.writeText(apiKey).then(() => setIsCopied(true))}>{isCopied ? "Copied" : "Copy key"}</Button>
        <Button variant="ghost" onClick={onDone}>Done</Button>
      </div>
      <textarea aria-label="Example request" className={styles.textarea} readOnly rows={2} value={curl} />
    </div>
  );
}
