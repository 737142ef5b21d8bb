import type { TWorkspaceAbility } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import { AppError, notFound } from "../app-error";
import type { TDb } from "../db/client";
import { promoteCanary } from "./change-canary";
import { deployVersion, type TCanaryRequest } from "./deploy-version";
import { checkMayDeploy, findDeploymentTarget } from "./deployment-target";
import { recordDeploymentEvent } from "./record-deployment-event";

type TDecision = "approve" | "reject";
type TDecideOptions = { workspaceId: string; requestId: string; decision: TDecision; actor: { id: string; role: TRole; ability: TWorkspaceAbility } };

async function findPendingRequest(db: TDb, options: { workspaceId: string; requestId: string }) {
  const request = await db.deploymentRequest.findFirst({
    where: { id: options.requestId, workspaceId: options.workspaceId, graph: { deletedAt: null } },
    select: { id: true, graphId: true, action: true, version: true, canary: true, status: true, requestedById: true, environment: { select: { name: true, deployRole: true } } },
  });
  if (!request) throw notFound("Deployment request");
  if (request.status !== "pending") throw new AppError("CONFLICT", `This request was ${request.status} already`);
  return request;
}

/** The request's effect, by the approver: deploy-version.ts or change-canary.ts as if they had asked themselves. */
async function carryOut(db: TDb, request: Awaited<ReturnType<typeof findPendingRequest>>, options: TDecideOptions) {
  const target = { workspaceId: options.workspaceId, graphId: request.graphId, environment: request.environment.name, actor: options.actor };
  if (request.action === "deploy") {
    const canary = request.canary ? (request.canary as TCanaryRequest) : undefined;
    return deployVersion(db, { ...target, version: request.version, canary });
  }
  const { deployment } = await findDeploymentTarget(db, target);
  if (deployment?.candidateVersion?.number !== request.version) {
    throw new AppError("CONFLICT", `Version ${request.version} is no longer the candidate in ${request.environment.name}: reject this request`);
  }
  return promoteCanary(db, target);
}

/**
 * A second member decides a four-eyes request (request-deployment.ts). Approving needs the environment's deploy right
 * and someone other than the requester; it takes effect at once, as the approver's deploy or promotion. Rejecting
 * needs the deploy right too, or is the requester withdrawing. The status changes from pending exactly once (a
 * conditional update), so two approvers cannot both carry it out; when the effect fails (the candidate is gone), the
 * request is pending again and the caller sees why.
 */
export async function decideDeploymentRequest(db: TDb, options: TDecideOptions) {
  const request = await findPendingRequest(db, options);
  const isOwn = request.requestedById === options.actor.id;
  if (options.decision === "approve" && isOwn) throw new AppError("FORBIDDEN", "A second person must approve this: you asked for it");
  if (!isOwn) checkMayDeploy(options.actor.ability, request.environment, options.actor.role);
  const status = options.decision === "approve" ? "approved" : "rejected";
  const { count } = await db.deploymentRequest.updateMany({ where: { id: request.id, status: "pending" }, data: { status, decidedById: options.actor.id, decidedAt: new Date() } });
  if (count === 0) throw new AppError("CONFLICT", "This request was decided meanwhile");

  if (options.decision === "approve") {
    try {
      await carryOut(db, request, options);
    } catch (error) {
      await db.deploymentRequest.updateMany({ where: { id: request.id, status }, data: { status: "pending", decidedById: null, decidedAt: null } });
      throw error;
    }
  }
  const { deployment } = await findDeploymentTarget(db, { workspaceId: options.workspaceId, graphId: request.graphId, environment: request.environment.name });
  const what = request.action === "promote" ? `promotion of version ${request.version}` : `deploy of version ${request.version}`;
  await recordDeploymentEvent(db, {
    deploymentId: deployment?.id ?? null,
    requestId: request.id,
    kind: status,
    actor: { type: "user", id: options.actor.id },
    stableVersion: deployment?.stableVersion.number ?? 0,
    candidateVersion: deployment?.candidateVersion?.number ?? null,
    candidateShare: deployment?.candidateShare ?? null,
    reason: status === "approved" ? `${what} approved and carried out` : isOwn ? `${what} withdrawn by its requester` : `${what} rejected`,
  });
  return { requestId: request.id, status, environment: request.environment.name };
}
