import type { TDbOrTx } from "../db/client";
import type { TRunSource } from "../services/run/prepare-run";
import { pickArm, type TArm } from "./pick-arm";

/** What a run routed through an environment records beside its version (Run.environmentId, deploymentId, deploymentArm). */
export type TRoutedRunFields = { environmentId: string | null; deploymentId: string | null; deploymentArm: TArm | null };

export type TRoute = { source: TRunSource; run: TRoutedRunFields };

type TDeploymentArms<V> = { id: string; candidateShare: number | null; stable: V; candidate: V | null };

/**
 * The side of a deployment a delivery goes to: its candidate for the deliveries the share sends there (`pickArm`),
 * else its stable version. `V` is whatever identifies a version to the caller (a number, an id).
 */
export function pickDeploymentVersion<V>(deployment: TDeploymentArms<V>, deliveryId: string): { version: V; arm: TArm } {
  const { candidate } = deployment;
  const arm = candidate !== null ? pickArm({ deploymentId: deployment.id, deliveryId, candidateShare: deployment.candidateShare }) : "stable";
  return { version: arm === "candidate" && candidate !== null ? candidate : deployment.stable, arm };
}

/**
 * The version a triggered (or API-key) run of a graph executes in an environment: the deployment's stable version, or
 * its candidate for the deliveries the share sends there. Without a deployment in that environment it is the latest
 * published version, as before environments existed. `deliveryId`: what identifies the delivery across retries (a
 * webhook's Idempotency-Key, a schedule's tick).
 */
export async function routeDelivery(db: TDbOrTx, options: { graphId: string; environmentId: string | null; deliveryId: string }): Promise<TRoute> {
  const { environmentId } = options;
  const deployment = environmentId
    ? await db.deployment.findUnique({
        where: { graphId_environmentId: { graphId: options.graphId, environmentId } },
        select: { id: true, candidateShare: true, stableVersion: { select: { number: true } }, candidateVersion: { select: { number: true } } },
      })
    : null;
  if (!deployment) return { source: { kind: "version", number: "latest" }, run: { environmentId, deploymentId: null, deploymentArm: null } };
  const { version, arm } = pickDeploymentVersion(
    { id: deployment.id, candidateShare: deployment.candidateShare, stable: deployment.stableVersion.number, candidate: deployment.candidateVersion?.number ?? null },
    options.deliveryId,
  );
  return { source: { kind: "version", number: version }, run: { environmentId, deploymentId: deployment.id, deploymentArm: arm } };
}
