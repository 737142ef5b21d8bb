import type { TWorkspaceAbility } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import { AppError } from "../app-error";
import type { TDb } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { TCanaryRequest } from "./deploy-version";
import { checkMayDeploy, findDeploymentTarget, findVersionOrThrow } from "./deployment-target";
import { recordDeploymentEvent } from "./record-deployment-event";

export type TRequestAction = "deploy" | "promote";

type TRequestOptions = {
  workspaceId: string;
  graphId: string;
  environment: string;
  action: TRequestAction;
  /** deploy: the version asked for (as a canary when `canary` is set). promote: ignored, the running candidate is. */
  version?: number;
  canary?: TCanaryRequest;
  actor: { id: string; role: TRole; ability: TWorkspaceAbility };
};

function describeRequest(action: TRequestAction, version: number, environment: string, canary: TCanaryRequest | undefined): string {
  if (action === "promote") return `promote version ${version} in ${environment}`;
  return canary ? `deploy version ${version} to ${environment} as a ${canary.share} % canary` : `deploy version ${version} to ${environment}`;
}

/**
 * Four eyes: in an environment that requires approval, a deploy or promotion is stored as a pending request instead of
 * taking effect; another member who may deploy there approves it (decide-deployment-request.ts). The requester needs
 * the deploy right too, and what cannot succeed now (a canary without a stable version, no candidate to promote) is
 * refused now rather than at approval. One pending request per graph and environment (a partial unique index).
 */
export async function requestDeployment(db: TDb, options: TRequestOptions) {
  const { environment, deployment } = await findDeploymentTarget(db, options);
  checkMayDeploy(options.actor.ability, environment, options.actor.role);
  const { action, canary } = options;
  let version: number;
  if (action === "promote") {
    if (!deployment?.candidateVersion) throw new AppError("CONFLICT", `No canary runs in ${environment.name}: there is no candidate version`);
    version = deployment.candidateVersion.number;
  } else {
    version = (await findVersionOrThrow(db, { graphId: options.graphId, number: options.version ?? 0 })).number;
    if (canary && !deployment) throw new AppError("CONFLICT", `Nothing runs in ${environment.name} yet: deploy a stable version there before a canary`);
    if (canary && deployment?.stableVersion.number === version) throw new AppError("BAD_REQUEST", `Version ${version} is already the stable version in ${environment.name}`);
  }
  const words = describeRequest(action, version, environment.name, canary);
  try {
    return await db.$transaction(async (tx) => {
      const request = await tx.deploymentRequest.create({
        data: {
          workspaceId: options.workspaceId,
          graphId: options.graphId,
          environmentId: environment.id,
          action,
          version,
          canary: canary ? (canary as Prisma.InputJsonObject) : Prisma.DbNull,
          requestedById: options.actor.id,
        },
        select: { id: true },
      });
      await recordDeploymentEvent(tx, {
        deploymentId: deployment?.id ?? null,
        requestId: request.id,
        kind: "requested",
        actor: { type: "user", id: options.actor.id },
        stableVersion: deployment?.stableVersion.number ?? 0,
        candidateVersion: action === "promote" || canary ? version : null,
        candidateShare: canary?.share ?? deployment?.candidateShare ?? null,
        reason: `asks to ${words}; waits for a second person's approval`,
      });
      return { environment: environment.name, pendingRequestId: request.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `A request for ${environment.name} already waits for approval: approve or reject it first`);
    }
    throw error;
  }
}
