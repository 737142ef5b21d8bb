"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { isTruncatedJson } from "@/lib/run-values/truncate-json";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Modal } from "../ui/modal";
import { parseForkInput } from "./parse-fork-input";
import styles from "./run-page.module.css";

/**
 * "Re-run from here": the step's input as editable JSON (loaded in full if the list truncated it), then `run.fork`:
 * a new run that reuses everything upstream from this run's records and runs this step and what follows live.
 */
export function RerunDialog(props: { workspaceId: string; workspaceSlug: string; runId: string; stepSeq: number; label: string; input: unknown; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const needsFull = isTruncatedJson(props.input);
  const full = useQuery({ ...trpc.run.stepValue.queryOptions({ workspaceId: props.workspaceId, runId: props.runId, stepSeq: props.stepSeq, field: "input" }), enabled: needsFull, staleTime: Infinity });
  const original = needsFull ? full.data?.value : props.input;
  const [text, setText] = useState<string | undefined>(undefined);
  const shown = text ?? (original === undefined ? "" : JSON.stringify(original ?? {}, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  const fork = useMutation(trpc.run.fork.mutationOptions({ onSuccess: (created) => router.push(`/w/${props.workspaceSlug}/runs/${created.id}`) }));

  const submit = () => {
    const parsed = parseForkInput(shown);
    if (!parsed.ok) return setProblem(parsed.error);
    setProblem(null);
    fork.mutate({ workspaceId: props.workspaceId, runId: props.runId, stepSeq: props.stepSeq, input: parsed.input });
  };

  return (
    <Modal size="wide" title={`Re-run from ${props.label}`} onClose={props.onClose}>
      <p className={styles.note}>Steps before this one are reused from this run. This step runs again with the input below (one value per input port), then everything after it.</p>
      {needsFull && full.isLoading ? (
        <p className={styles.muted}>Loading the full input…</p>
      ) : (
        <textarea className={styles.jsonEditor} aria-label="Step input (JSON)" spellCheck={false} value={shown} onChange={(event) => setText(event.target.value)} />
      )}
      {(problem ?? fork.error ?? full.error) && <Alert>{problem ?? getErrorMessage(fork.error ?? full.error)}</Alert>}
      <div className={styles.buttonRow}>
        <Button onClick={props.onClose}>Close</Button>
        <Button variant="primary" onClick={submit} disabled={fork.isPending || original === undefined}>
          {fork.isPending ? "Starting…" : "Re-run"}
        </Button>
      </div>
    </Modal>
  );
}
