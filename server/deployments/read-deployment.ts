import type { TDb } from "../db/client";
import { findGraphOrThrow } from "../services/graph/find-graph";
import { compareArms } from "./compare-arms";
import { findDeploymentTarget } from "./deployment-target";
import { judgeCanary } from "./judge-canary";

/**
 * The live comparison of a graph's deployment in an environment: stable vs candidate over the canary window, and what
 * the rules say of it now. Without a canary, the stable side since it was deployed. Null when nothing is deployed.
 */
export async function getDeploymentComparison(db: TDb, options: { workspaceId: string; graphId: string; environment: string }) {
  const { deployment } = await findDeploymentTarget(db, options);
  if (!deployment) return null;
  const numbers = await compareArms(db, { ...deployment, since: deployment.canaryStartedAt ?? deployment.deployedAt });
  return {
    stableVersion: deployment.stableVersion.number,
    candidateVersion: deployment.candidateVersion?.number ?? null,
    candidateShare: deployment.candidateShare,
    numbers,
    verdict: deployment.candidateVersion ? judgeCanary(numbers, deployment) : null,
  };
}

const HISTORY_LIMIT = 100;

/** The decisions about a graph's deployments, newest first: who (a person, or the rules), what, why, and the numbers. */
export async function listDeploymentHistory(db: TDb, options: { workspaceId: string; graphId: string; environment?: string }) {
  await findGraphOrThrow(db, options, { id: true });
  const scope = { graphId: options.graphId, workspaceId: options.workspaceId, ...(options.environment ? { environment: { name: options.environment } } : {}) };
  const events = await db.deploymentEvent.findMany({
    // A four-eyes request's steps belong to the request, and to the deployment when there was one already.
    where: { OR: [{ deployment: scope }, { request: scope }] },
    orderBy: { createdAt: "desc" },
    take: HISTORY_LIMIT,
    select: {
      id: true,
      kind: true,
      actorType: true,
      actorId: true,
      stableVersion: true,
      candidateVersion: true,
      candidateShare: true,
      reason: true,
      numbers: true,
      createdAt: true,
      deployment: { select: { environment: { select: { name: true } } } },
      request: { select: { environment: { select: { name: true } } } },
    },
  });
  const actorIds = [...new Set(events.flatMap((event) => (event.actorId ? [event.actorId] : [])))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } });
  return events.map(({ deployment, request, actorId, ...event }) => {
    const actor = actors.find((user) => user.id === actorId);
    return { ...event, environment: (deployment ?? request)?.environment.name ?? "", actor: event.actorType === "rules" ? "rules" : actor ? actor.name || actor.email : "a former member" };
  });
}
