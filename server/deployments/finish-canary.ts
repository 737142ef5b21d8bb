import type { TDb } from "../db/client";
import type { TComparison } from "./compare-arms";
import { recordDeploymentEvent, type TDeploymentActor } from "./record-deployment-event";

type TRunningCanary = { id: string; stableVersionId: string; candidateVersionId: string | null; candidateShare: number | null; stableVersion: { number: number }; candidateVersion: { number: number } | null };

/**
 * Ends a canary once, whoever asks first (a person, or the rules after a run in any process): the update only applies
 * while the candidate is still the one judged, so a promotion and a rollback racing each other cannot both happen.
 * `promoted`: the candidate becomes stable; `rolled_back`: the candidate is removed. Returns false when it lost the race.
 */
export async function finishCanary(
  db: TDb,
  options: { deployment: TRunningCanary; outcome: "promoted" | "rolled_back"; actor: TDeploymentActor; reason: string; numbers: TComparison },
): Promise<boolean> {
  const { deployment, outcome } = options;
  const candidate = deployment.candidateVersion;
  const candidateVersionId = deployment.candidateVersionId;
  if (!candidate || !candidateVersionId) return false;
  return db.$transaction(async (tx) => {
    const stableVersionId = outcome === "promoted" ? candidateVersionId : deployment.stableVersionId;
    const { count } = await tx.deployment.updateMany({
      where: { id: deployment.id, candidateVersionId },
      data: { stableVersionId, candidateVersionId: null, candidateShare: null, canaryStartedAt: null, ...(outcome === "promoted" ? { deployedAt: new Date(), deployedById: options.actor.type === "user" ? options.actor.id : null } : {}) },
    });
    if (count === 0) return false;
    await recordDeploymentEvent(tx, {
      deploymentId: deployment.id,
      kind: outcome,
      actor: options.actor,
      stableVersion: outcome === "promoted" ? candidate.number : deployment.stableVersion.number,
      candidateVersion: candidate.number,
      candidateShare: deployment.candidateShare,
      reason: options.reason,
      numbers: options.numbers,
    });
    return true;
  });
}
