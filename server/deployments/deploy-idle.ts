import { AppError } from "../app-error";
import type { TDb } from "../db/client";
import { findBlueGreenTarget, type TBlueGreenTarget } from "./blue-green-target";
import { findVersionOrThrow } from "./deployment-target";
import { recordDeploymentEvent } from "./record-deployment-event";

/**
 * Blue/green, step one: a published version goes beside the stable one in an environment, idle: it takes no delivery
 * (route-delivery.ts never picks it) until the switch. It replaces an earlier idle version.
 */
export async function deployIdleVersion(db: TDb, options: TBlueGreenTarget & { version: number }) {
  const { environment, deployment } = await findBlueGreenTarget(db, options);
  const version = await findVersionOrThrow(db, { graphId: options.graphId, number: options.version });
  const stable = deployment.stableVersion.number;
  if (version.id === deployment.stableVersionId) throw new AppError("BAD_REQUEST", `Version ${version.number} is already the stable version in ${environment.name}`);
  return db.$transaction(async (tx) => {
    const { count } = await tx.deployment.updateMany({
      where: { id: deployment.id, stableVersionId: deployment.stableVersionId, candidateVersionId: null },
      data: { idleVersionId: version.id, idleRole: "candidate" },
    });
    if (count === 0) throw new AppError("CONFLICT", `The deployment in ${environment.name} changed meanwhile; look again`);
    await recordDeploymentEvent(tx, {
      deploymentId: deployment.id,
      kind: "idle_deployed",
      actor: { type: "user", id: options.actor.id },
      stableVersion: stable,
      candidateVersion: version.number,
      candidateShare: 0,
      reason: `version ${version.number} deployed idle beside version ${stable} in ${environment.name}: it takes no deliveries until the switch`,
    });
    return { environment: environment.name, stableVersion: stable, idleVersion: version.number };
  });
}
