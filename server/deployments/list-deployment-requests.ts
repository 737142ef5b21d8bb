import { canDeployTo, type TWorkspaceAbility } from "@/lib/auth/abilities";
import type { TDb } from "../db/client";
import { findGraphOrThrow } from "../services/graph/find-graph";

/**
 * A graph's pending four-eyes requests, oldest first, with what the caller may do about each: approve (the deploy
 * right, and not their own), reject (the deploy right, or their own: withdrawing).
 */
export async function listDeploymentRequests(db: TDb, options: { workspaceId: string; graphId: string; actorId: string; ability: TWorkspaceAbility }) {
  await findGraphOrThrow(db, options, { id: true });
  const requests = await db.deploymentRequest.findMany({
    where: { graphId: options.graphId, workspaceId: options.workspaceId, status: "pending" },
    orderBy: { createdAt: "asc" },
    select: { id: true, action: true, version: true, canary: true, requestedById: true, createdAt: true, environment: { select: { name: true, deployRole: true } } },
  });
  const requesters = await db.user.findMany({ where: { id: { in: requests.map((request) => request.requestedById) } }, select: { id: true, name: true, email: true } });
  return requests.map(({ requestedById, environment, canary, ...request }) => {
    const requester = requesters.find((user) => user.id === requestedById);
    const isOwn = requestedById === options.actorId;
    const mayDeploy = canDeployTo(options.ability, environment);
    const share = canary && typeof canary === "object" && "share" in canary ? Number(canary.share) : null;
    return {
      ...request,
      environment: environment.name,
      canaryShare: share,
      requestedBy: requester ? requester.name || requester.email : "a former member",
      isOwn,
      canApprove: mayDeploy && !isOwn,
      canReject: mayDeploy || isOwn,
    };
  });
}
