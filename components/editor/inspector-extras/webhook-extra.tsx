"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { getErrorMessage } from "../../trpc/error-message";
import { useTRPC } from "../../trpc/trpc";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { formatRelativeTime } from "../../ui/format-relative-time";
import styles from "../editor.module.css";
import type { TInspectorExtraProps } from "../inspector-extras";
import { useGraphTriggers } from "./use-graph-triggers";

/**
 * A Webhook node's secret URL: whether it is active (only the published version's nodes are), and a button that
 * creates or rotates the token. The full URL is shown once, right after; the server keeps only a hash.
 */
export function WebhookExtra({ node, workspaceId, graphId, isReadOnly }: TInspectorExtraProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { triggers } = useGraphTriggers(workspaceId, graphId);
  const [shownUrl, setShownUrl] = useState<string | null>(null);
  const [isConfirmingRotate, setIsConfirmingRotate] = useState(false);
  const onIssued = async ({ url }: { url: string }) => {
    setShownUrl(url);
    setIsConfirmingRotate(false);
    await queryClient.invalidateQueries({ queryKey: trpc.trigger.list.queryKey({ workspaceId, graphId }) });
  };
  const create = useMutation(trpc.trigger.createWebhookToken.mutationOptions({ onSuccess: onIssued }));
  const rotate = useMutation(trpc.trigger.rotateWebhookToken.mutationOptions({ onSuccess: onIssued }));
  const trigger = triggers.data?.find((row) => row.kind === "webhook" && row.nodeId === node.id);
  const input = { workspaceId, graphId, nodeId: node.id };
  const error = create.error ?? rotate.error ?? triggers.error;

  return (
    <div className={styles.field} data-testid="webhook-extra">
      <span>Webhook URL</span>
      <p className={styles.muted} data-testid="webhook-status">{describeStatus(trigger)}</p>
      {trigger?.lastFiredAt && <p className={styles.muted}>Last request {formatRelativeTime(trigger.lastFiredAt)}</p>}
      {shownUrl && <IssuedUrl url={shownUrl} />}
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      {!isReadOnly && (
        trigger?.hasToken
          ? <Button onClick={() => setIsConfirmingRotate(true)}>Rotate URL</Button>
          : <Button variant="primary" disabled={create.isPending} onClick={() => create.mutate(input)}>Create URL</Button>
      )}
      <ConfirmDialog
        isOpen={isConfirmingRotate}
        title="Rotate the webhook URL?"
        confirmLabel="Rotate"
        isBusy={rotate.isPending}
        onConfirm={() => rotate.mutate(input)}
        onCancel={() => setIsConfirmingRotate(false)}
      >
        The current URL (ending in …{trigger?.tokenHint}) stops working at once. Senders need the new one.
      </ConfirmDialog>
    </div>
  );
}

type TWebhookRow = { isEnabled: boolean; hasToken: boolean; tokenHint: string | null } | undefined;

function describeStatus(trigger: TWebhookRow): string {
  if (!trigger?.isEnabled) {
    const kept = trigger?.hasToken ? ` Its URL (ending in …${trigger.tokenHint}) starts working then.` : "";
    return `Inactive: publish a version that contains this node to receive requests.${kept}`;
  }
  if (!trigger.hasToken) return "Published. Create a URL to receive requests.";
  return `Active: POST requests to the URL ending in …${trigger.tokenHint} start runs of the published version.`;
}

function IssuedUrl({ url }: { url: string }) {
  const curl = `curl -X POST '${url}' \\\n  -H 'Content-Type: application/json' \\\n  -H 'Idempotency-Key: order-1001' \\\n  -d '{"hello": "world"}'`;
  return (
    <div className={styles.field}>
      <Alert tone="warning">Copy it now: this URL is shown only once. Anyone who has it can start runs.</Alert>
      <input aria-label="Webhook URL" className={styles.mono} readOnly value={url} onFocus={(event) => event.target.select()} />
      <Button onClick={() => void navigator.clipboard.writeText(url)}>Copy URL</Button>
      <span>Try it</span>
      <textarea aria-label="curl example" className={styles.mono} readOnly rows={4} value={curl} />
    </div>
  );
}
