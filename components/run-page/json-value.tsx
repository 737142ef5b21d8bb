"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { TStepValueField } from "@/lib/run-values/step-value-field";
import { isTruncatedJson } from "@/lib/run-values/truncate-json";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { formatSize } from "./format-run-values";
import styles from "./run-page.module.css";

export type TStepValueRef = { workspaceId: string; runId: string; stepSeq: number; field: TStepValueField };

/**
 * A JSON value, pretty-printed. A value `run.steps` truncated shows its first 10 KB and a "Load full value" button that
 * asks `run.stepValue` for the rest (only when pressed: a 5 MB tool result is not fetched by opening the step).
 */
export function JsonValue({ value, source, label }: { value: unknown; source?: TStepValueRef; label: string }) {
  const trpc = useTRPC();
  const [isRequested, setRequested] = useState(false);
  const full = useQuery({ ...trpc.run.stepValue.queryOptions(isRequested && source ? source : skipToken), staleTime: Infinity });

  if (value === undefined) return <p className={styles.muted}>—</p>;
  if (!isTruncatedJson(value) || full.data) {
    const shown = full.data ? full.data.value : value;
    return (
      <pre className={styles.value} aria-label={label} data-testid="json-value">
        {JSON.stringify(shown, null, 2) ?? "—"}
      </pre>
    );
  }
  const { chars, preview } = value.$truncated;
  return (
    <div>
      <pre className={styles.value} aria-label={label} data-testid="json-value" data-truncated="true">
        {preview}…
      </pre>
      <div className={styles.truncatedNote}>
        <span>
          Showing the first {formatSize(preview.length)} of {formatSize(chars)}.
        </span>
        {source && (
          <Button onClick={() => setRequested(true)} disabled={full.isFetching}>
            {full.isFetching ? "Loading…" : "Load full value"}
          </Button>
        )}
      </div>
      {full.error && <Alert>{getErrorMessage(full.error)}</Alert>}
    </div>
  );
}
