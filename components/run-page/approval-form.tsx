"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import styles from "./run-page.module.css";

/** One parked Approval step: its prompt, a comment, and Approve / Reject for those who may decide. */
export function ApprovalForm(props: { workspaceId: string; runId: string; nodeId: string; label: string; prompt: string; canDecide: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const onDecided = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.run.get.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.run.steps.queryKey() });
  };
  const approve = useMutation(trpc.run.approve.mutationOptions({ onSuccess: onDecided }));
  const reject = useMutation(trpc.run.reject.mutationOptions({ onSuccess: onDecided }));
  const decision = { workspaceId: props.workspaceId, runId: props.runId, nodeId: props.nodeId, comment: comment.trim() || undefined };
  const isBusy = approve.isPending || reject.isPending;
  const error = approve.error ?? reject.error;

  return (
    <div className={styles.approval} data-testid="approval" data-node={props.nodeId}>
      <div>
        <strong>{props.label}</strong>: {props.prompt}
      </div>
      {props.canDecide ? (
        <>
          <textarea className={styles.textarea} aria-label={`Comment for ${props.label}`} placeholder="Comment (optional)" value={comment} maxLength={2_000} onChange={(event) => setComment(event.target.value)} />
          <div className={styles.buttonRow}>
            <Button variant="danger" disabled={isBusy} onClick={() => reject.mutate(decision)}>
              Reject
            </Button>
            <Button variant="primary" disabled={isBusy} onClick={() => approve.mutate(decision)}>
              Approve
            </Button>
          </div>
        </>
      ) : (
        <p className={styles.note}>Waiting for someone who may approve runs.</p>
      )}
      {error && <Alert>{getErrorMessage(error)}</Alert>}
    </div>
  );
}
