import type { TDbOrTx } from "../db/client";
import type { TRunSource } from "../services/run/prepare-run";
import { pickArm, type TArm } from "./pick-arm";

/** What a run routed through an environment records beside its version (Run.environmentId, deploymentId, deploymentArm). */
export type TRoutedRunFields = { environmentId: string | null; deploymentId: string | null; deploymentArm: TArm | null };

export type TRoute = { source: TRunSource; run: TRoutedRunFields };

/**
 * The version a triggered (or API-key) run of a graph executes in an environment: the deployment's stable version, or
 * its candidate for the deliveries the share sends there (`pickArm`). Without a deployment in that environment it is
 * the latest published version, as before environments existed. `deliveryId`: what identifies the delivery across
 * retries (a webhook's Idempotency-Key, a schedule's tick).
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
  const candidate = deployment.candidateVersion;
  const arm = candidate ? pickArm({ deploymentId: deployment.id, deliveryId: options.deliveryId, candidateShare: deployment.candidateShare }) : "stable";
  const number = arm === "candidate" && candidate ? candidate.number : deployment.stableVersion.number;
  return { source: { kind: "version", number }, run: { environmentId, deploymentId: deployment.id, deploymentArm: arm } };
}
