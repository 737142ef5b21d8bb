import type { TWorkspaceAbility } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import { AppError } from "../app-error";
import type { TDb } from "../db/client";
import { checkMayDeploy, findDeploymentTarget, findVersionOrThrow } from "./deployment-target";
import type { TCanaryRules } from "./judge-canary";
import { recordDeploymentEvent } from "./record-deployment-event";

export type TCanaryRequest = { share: number; autoPromote: boolean } & TCanaryRules;

export type TDeployOptions = {
  workspaceId: string;
  graphId: string;
  environment: string;
  version: number;
  /** Absent: the version becomes the stable one (any canary ends). Present: it becomes the candidate beside the stable. */
  canary?: TCanaryRequest;
  actor: { id: string; role: TRole; ability: TWorkspaceAbility };
};

/**
 * Puts a published version into an environment. From the next delivery on, the environment's triggers and API keys run
 * it (route-delivery.ts); runs already started finish on the version they started on. A canary needs a stable version
 * to run beside and must differ from it.
 */
export async function deployVersion(db: TDb, options: TDeployOptions) {
  const { environment, deployment } = await findDeploymentTarget(db, options);
  checkMayDeploy(options.actor.ability, environment, options.actor.role);
  const version = await findVersionOrThrow(db, { graphId: options.graphId, number: options.version });
  const actor = { type: "user" as const, id: options.actor.id };
  const { canary } = options;

  if (canary) {
    if (!deployment) throw new AppError("CONFLICT", `Nothing runs in ${environment.name} yet: deploy a stable version there before a canary`);
    if (deployment.stableVersionId === version.id) throw new AppError("BAD_REQUEST", `Version ${version.number} is already the stable version in ${environment.name}`);
    return db.$transaction(async (tx) => {
      const { share, ...rules } = canary;
      const updated = await tx.deployment.update({
        where: { id: deployment.id },
        // A canary takes over from a blue/green release: no idle version beside it.
        data: { candidateVersionId: version.id, candidateShare: share, canaryStartedAt: new Date(), idleVersionId: null, idleRole: null, ...rules },
        select: { id: true },
      });
      await recordDeploymentEvent(tx, {
        deploymentId: updated.id,
        kind: "canary_started",
        actor,
        stableVersion: deployment.stableVersion.number,
        candidateVersion: version.number,
        candidateShare: share,
        reason: `version ${version.number} takes ${share} % of the deliveries beside version ${deployment.stableVersion.number}`,
      });
      return { deploymentId: updated.id, environment: environment.name, stableVersion: deployment.stableVersion.number, candidateVersion: version.number, candidateShare: share };
    });
  }

  return db.$transaction(async (tx) => {
    // A new stable version ends a canary and a blue/green release alike.
    const state = { stableVersionId: version.id, candidateVersionId: null, candidateShare: null, canaryStartedAt: null, idleVersionId: null, idleRole: null, deployedById: options.actor.id, deployedAt: new Date() };
    const saved = await tx.deployment.upsert({
      where: { graphId_environmentId: { graphId: options.graphId, environmentId: environment.id } },
      create: { workspaceId: options.workspaceId, graphId: options.graphId, environmentId: environment.id, ...state },
      update: state,
      select: { id: true },
    });
    const replaced = deployment ? `, replacing version ${deployment.stableVersion.number}` : "";
    await recordDeploymentEvent(tx, { deploymentId: saved.id, kind: "deployed", actor, stableVersion: version.number, reason: `version ${version.number} deployed to ${environment.name}${replaced}` });
    return { deploymentId: saved.id, environment: environment.name, stableVersion: version.number, candidateVersion: null, candidateShare: null };
  });
}
