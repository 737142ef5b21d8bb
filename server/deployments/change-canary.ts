import type { TWorkspaceAbility } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import { AppError } from "../app-error";
import type { TDb } from "../db/client";
import { compareArms } from "./compare-arms";
import { checkMayDeploy, findDeploymentTarget } from "./deployment-target";
import { recordDeploymentEvent } from "./record-deployment-event";
import { finishCanary } from "./finish-canary";
import { previousStableVersion } from "./previous-stable-version";
import { switchToIdle } from "./switch-to-idle";

type TCanaryTarget = { workspaceId: string; graphId: string; environment: string; actor: { id: string; role: TRole; ability: TWorkspaceAbility } };

async function findCanary(db: TDb, options: TCanaryTarget) {
  const { environment, deployment } = await findDeploymentTarget(db, options);
  checkMayDeploy(options.actor.ability, environment, options.actor.role);
  return { environment, deployment };
}

function noCanary(environment: string): AppError {
  return new AppError("CONFLICT", `No canary runs in ${environment}: there is no candidate version`);
}

/** A new share for the running canary; deliveries already routed keep their version. */
export async function setCanaryShare(db: TDb, options: TCanaryTarget & { share: number }) {
  const { environment, deployment } = await findCanary(db, options);
  if (!deployment?.candidateVersion) throw noCanary(environment.name);
  const candidate = deployment.candidateVersion;
  return db.$transaction(async (tx) => {
    const { count } = await tx.deployment.updateMany({ where: { id: deployment.id, candidateVersionId: deployment.candidateVersionId }, data: { candidateShare: options.share } });
    if (count === 0) throw noCanary(environment.name);
    await recordDeploymentEvent(tx, {
      deploymentId: deployment.id,
      kind: "share_changed",
      actor: { type: "user", id: options.actor.id },
      stableVersion: deployment.stableVersion.number,
      candidateVersion: candidate.number,
      candidateShare: options.share,
      reason: `share of version ${candidate.number} from ${deployment.candidateShare ?? 0} % to ${options.share} %`,
    });
    return { environment: environment.name, candidateVersion: candidate.number, candidateShare: options.share };
  });
}

/** The candidate becomes the stable version: every delivery runs it from now on. */
export async function promoteCanary(db: TDb, options: TCanaryTarget) {
  const { environment, deployment } = await findCanary(db, options);
  if (!deployment?.candidateVersion || !deployment.candidateVersionId) throw noCanary(environment.name);
  const numbers = await compareArms(db, { ...deployment, since: deployment.canaryStartedAt ?? deployment.deployedAt });
  const finished = await finishCanary(db, { deployment, outcome: "promoted", actor: { type: "user", id: options.actor.id }, reason: `version ${deployment.candidateVersion.number} promoted by hand`, numbers });
  if (!finished) throw noCanary(environment.name);
  return { environment: environment.name, stableVersion: deployment.candidateVersion.number };
}

/**
 * One-click rollback: a running canary loses its candidate (every later delivery runs the stable version); after a
 * blue/green switch, the switch back to the version on standby; else the stable version goes back to the one deployed
 * before it.
 */
export async function rollbackDeployment(db: TDb, options: TCanaryTarget) {
  const { environment, deployment } = await findCanary(db, options);
  if (!deployment) throw new AppError("CONFLICT", `Nothing is deployed in ${environment.name}`);
  const actor = { type: "user" as const, id: options.actor.id };
  if (deployment.candidateVersion && deployment.candidateVersionId) {
    const numbers = await compareArms(db, { ...deployment, since: deployment.canaryStartedAt ?? deployment.deployedAt });
    const finished = await finishCanary(db, { deployment, outcome: "rolled_back", actor, reason: `version ${deployment.candidateVersion.number} rolled back by hand`, numbers });
    if (!finished) throw noCanary(environment.name);
    return { environment: environment.name, stableVersion: deployment.stableVersion.number };
  }
  const { idleRole } = await db.deployment.findUniqueOrThrow({ where: { id: deployment.id }, select: { idleRole: true } });
  if (idleRole === "standby") return switchToIdle(db, options);
  const events = await db.deploymentEvent.findMany({ where: { deploymentId: deployment.id }, orderBy: { createdAt: "asc" }, select: { kind: true, stableVersion: true, candidateVersion: true } });
  const previous = previousStableVersion(events);
  if (previous === null) throw new AppError("CONFLICT", `Version ${deployment.stableVersion.number} is the only version deployed to ${environment.name}: there is nothing to roll back to`);
  const version = await db.graphVersion.findUniqueOrThrow({ where: { graphId_number: { graphId: options.graphId, number: previous } }, select: { id: true } });
  return db.$transaction(async (tx) => {
    const { count } = await tx.deployment.updateMany({ where: { id: deployment.id, stableVersionId: deployment.stableVersionId, candidateVersionId: null }, data: { stableVersionId: version.id, deployedById: options.actor.id, deployedAt: new Date() } });
    if (count === 0) throw new AppError("CONFLICT", `The deployment in ${environment.name} changed meanwhile; look again`);
    await recordDeploymentEvent(tx, { deploymentId: deployment.id, kind: "rolled_back", actor, stableVersion: previous, reason: `back from version ${deployment.stableVersion.number} to version ${previous}` });
    return { environment: environment.name, stableVersion: previous };
  });
}
