"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert, Badge } from "../ui/alert";
import { Button } from "../ui/button";
import { formatRelativeTime } from "../ui/format-relative-time";
import { BlueGreenPanel } from "./blue-green-panel";
import { CanaryChart } from "./canary-chart";
import { CanaryComparison } from "./canary-comparison";
import { CanaryShareForm } from "./canary-share-form";
import { DeployForm } from "./deploy-form";
import { MoveTriggerForm, type TLaneTrigger } from "./move-trigger-form";
import type { TLane, TTarget } from "./deployment-types";
import styles from "./deployments.module.css";

/** One environment: what runs there since when by whom, the controls the caller may use, and the live numbers. */
export function EnvironmentLane({ target, lane, versions, elsewhere }: { target: TTarget; lane: TLane; versions: number[]; elsewhere: TLaneTrigger[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { deployment } = lane;
  const comparison = useQuery({ ...trpc.deployment.comparison.queryOptions(target), enabled: deployment !== null, refetchInterval: 3_000 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.deployment.pathKey() });
  const promote = useMutation(trpc.deployment.promote.mutationOptions({ onSuccess: refresh }));
  const rollback = useMutation(trpc.deployment.rollback.mutationOptions({ onSuccess: refresh }));
  const mutationError = promote.error ?? rollback.error;
  const refusal = lane.canDeploy ? undefined : `Deploying to ${lane.environment} needs the ${lane.deployRole} role`;

  return (
    <article className={styles.lane} aria-label={`Environment ${lane.environment}`} data-testid={`lane-${lane.environment}`}>
      <header className={styles.laneHeader}>
        <h2>{lane.environment}</h2>
        {!lane.canDeploy && <Badge title={refusal}>{lane.deployRole} deploys</Badge>}
        {lane.requiresApproval && <Badge title="A deploy or promotion here waits for a second person's approval">four eyes</Badge>}
      </header>
      {deployment ? (
        <p data-testid="lane-stable">
          <strong>v{deployment.stable.number}</strong> {deployment.stable.message && `“${deployment.stable.message}” `}
          since {formatRelativeTime(deployment.deployedAt)}{deployment.deployedBy && ` by ${deployment.deployedBy}`}
        </p>
      ) : (
        <p className={styles.muted}>Nothing deployed: {lane.triggers.length > 0 ? "its triggers run the latest published version" : "no trigger runs here"}.</p>
      )}
      {lane.triggers.length > 0 && <p className={styles.muted}>Triggers: {lane.triggers.map((trigger) => `${trigger.kind} (${trigger.nodeId})`).join(", ")}</p>}
      {deployment?.candidate && (
        <p data-testid="lane-candidate">
          Canary <strong>v{deployment.candidate.number}</strong> takes {deployment.candidateShare} % of the deliveries
          {deployment.canaryStartedAt && ` since ${formatRelativeTime(deployment.canaryStartedAt)}`}; decides after {deployment.rules.minRuns} runs
          {deployment.rules.autoPromote ? ", promotes itself" : ""}.
        </p>
      )}
      <DeployForm target={target} versions={versions} hasStable={deployment !== null} isAllowed={lane.canDeploy} refusal={refusal} onDeployed={refresh} />
      {deployment?.candidate && lane.canDeploy && <CanaryShareForm target={target} share={deployment.candidateShare ?? 1} onChanged={refresh} />}
      {deployment && lane.canDeploy && (
        <div className={styles.actions}>
          {deployment.candidate && (
            <Button variant="primary" disabled={promote.isPending} onClick={() => promote.mutate(target)}>Promote v{deployment.candidate.number}</Button>
          )}
          <Button variant="danger" disabled={rollback.isPending} onClick={() => rollback.mutate(target)}>
            {deployment.candidate ? `Roll back v${deployment.candidate.number}` : "Roll back to the previous version"}
          </Button>
        </div>
      )}
      {lane.canDeploy && <MoveTriggerForm target={target} triggers={elsewhere} onMoved={refresh} />}
      {mutationError && <Alert>{getErrorMessage(mutationError)}</Alert>}
      {comparison.data && <CanaryComparison comparison={comparison.data} />}
      {deployment && !deployment.candidate && <BlueGreenPanel target={target} versions={versions} stableVersion={deployment.stable.number} canDeploy={lane.canDeploy} />}
      {deployment?.candidate && <CanaryChart target={target} />}
    </article>
  );
}
