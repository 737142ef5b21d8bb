"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { isFinalStatus, type TRunStatus } from "./run-status";
import styles from "./run-page.module.css";

/** Cancel (a running or waiting run), Replay (a finished one) and Compare; buttons the role lacks are not shown. */
export function RunActions(props: {
  workspaceId: string;
  workspaceSlug: string;
  runId: string;
  status: TRunStatus;
  isCancelRequested: boolean;
  canCancel: boolean;
  canStart: boolean;
  onCompare: () => void;
}) {
  const { workspaceId, runId } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [isConfirmingCancel, setConfirmingCancel] = useState(false);
  const cancel = useMutation(
    trpc.run.cancel.mutationOptions({
      onSuccess: () => {
        setConfirmingCancel(false);
        void queryClient.invalidateQueries({ queryKey: trpc.run.get.queryKey() });
      },
    }),
  );
  const replay = useMutation(trpc.run.replay.mutationOptions({ onSuccess: (created) => router.push(`/w/${props.workspaceSlug}/runs/${created.id}`) }));
  const isFinal = isFinalStatus(props.status);
  const error = cancel.error ?? replay.error;

  return (
    <div className={styles.actions}>
      {props.canCancel && !isFinal && (
        <Button variant="danger" onClick={() => setConfirmingCancel(true)} disabled={props.isCancelRequested}>
          {props.isCancelRequested ? "Cancelling…" : "Cancel run"}
        </Button>
      )}
      {props.canStart && isFinal && (
        <Button onClick={() => replay.mutate({ workspaceId, runId })} disabled={replay.isPending} title="Run again from this run's records: no model or tool calls">
          Replay
        </Button>
      )}
      <Button onClick={props.onCompare}>Compare with…</Button>
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      <ConfirmDialog
        isOpen={isConfirmingCancel}
        title="Cancel this run?"
        confirmLabel="Cancel the run"
        isBusy={cancel.isPending}
        onConfirm={() => cancel.mutate({ workspaceId, runId })}
        onCancel={() => setConfirmingCancel(false)}
      >
        Running steps are aborted and the run ends as cancelled. Steps already done stay recorded.
      </ConfirmDialog>
    </div>
  );
}
