import type { TDb } from "../../../db/client";

/** A graph's deployment in an environment as the audit log shows it: versions and share, or null when none. */
export async function deploymentAuditState(db: TDb, options: { workspaceId: string; graphId: string; environment: string }) {
  const deployment = await db.deployment.findFirst({
    where: { workspaceId: options.workspaceId, graphId: options.graphId, environment: { name: options.environment } },
    select: { candidateShare: true, stableVersion: { select: { number: true } }, candidateVersion: { select: { number: true } } },
  });
  if (!deployment) return null;
  return { environment: options.environment, stableVersion: deployment.stableVersion.number, candidateVersion: deployment.candidateVersion?.number ?? null, candidateShare: deployment.candidateShare };
}
