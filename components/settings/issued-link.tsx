"use client";

import { useState } from "react";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import styles from "./settings.module.css";

/** A one-time link (invitation, password reset) shown once: the server keeps only its hash. */
export function IssuedLink({ label, notice, link, onDone }: { label: string; notice: React.ReactNode; link: string; onDone: () => void }) {
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div className={styles.issued} data-testid="issued-link">
      <Alert tone="warning">{notice}</Alert>
      <div className={styles.row}>
        <input aria-label={label} className={`${styles.mono} ${styles.grow}`} readOnly value={link} onFocus={(event) => event.target.select()} />
        <Button onClick={() => void navigator.clipboard.writeText(link).then(() => setCopyState("copied"), () => setCopyState("failed"))}>
          {copyState === "copied" ? "Copied" : "Copy link"}
        </Button>
        <Button variant="ghost" onClick={onDone}>Done</Button>
      </div>
      {copyState === "failed" && <Alert>The browser did not allow copying: select the link and copy it by hand.</Alert>}
    </div>
  );
}
