"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { formatRelativeTime } from "../ui/format-relative-time";
import styles from "./deployments.module.css";

const LIVE_MS = 3_000;

/**
 * Four eyes: the graph's deploys and promotions waiting for a second person, with approve and reject for whoever may
 * decide (never approving one's own; the requester may withdraw it).
 */
export function DeploymentRequests({ workspaceId, graphId }: { workspaceId: string; graphId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const requests = useQuery({ ...trpc.deployment.requests.queryOptions({ workspaceId, graphId }), refetchInterval: LIVE_MS });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.deployment.pathKey() });
  const approve = useMutation(trpc.deployment.approve.mutationOptions({ onSettled: refresh }));
  const reject = useMutation(trpc.deployment.reject.mutationOptions({ onSettled: refresh }));
  const error = requests.error ?? approve.error ?? reject.error;
  if (!error && (requests.data ?? []).length === 0) return null;

  return (
    <section className={styles.requests} aria-label="Waiting for approval">
      <h2>Waiting for approval</h2>
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      <ul>
        {requests.data?.map((request) => (
          <li key={request.id} data-testid="deployment-request">
            <span>
              <strong>{request.requestedBy}</strong> asks to {request.action === "promote" ? "promote" : "deploy"} <strong>v{request.version}</strong>
              {request.action === "deploy" && request.canaryShare !== null ? ` as a ${request.canaryShare} % canary` : ""} in {request.environment}{" "}
              <span className={styles.muted}>{formatRelativeTime(request.createdAt)}</span>
            </span>
            {request.canApprove && <Button variant="primary" disabled={approve.isPending} onClick={() => approve.mutate({ workspaceId, requestId: request.id })}>Approve</Button>}
            {request.canReject && <Button variant="danger" disabled={reject.isPending} onClick={() => reject.mutate({ workspaceId, requestId: request.id })}>{request.isOwn ? "Withdraw" : "Reject"}</Button>}
            {request.isOwn && <span className={styles.muted}>another member who may deploy to {request.environment} approves it</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
