import { AppError } from "../app-error";
import type { TDb } from "../db/client";
import { findBlueGreenTarget, type TBlueGreenTarget } from "./blue-green-target";
import { recordDeploymentEvent } from "./record-deployment-event";
import type { TReplayNumbers } from "./replay-numbers";

/**
 * Blue/green, the switch: the idle version and the stable one trade places in one conditional update, so every
 * delivery routed from the commit on runs the new stable version at once, and runs already started finish on the
 * version they started on (a run executes the spec it was created with). The version switched away from stays idle:
 * after a switch it is on standby, and switching to it again is the instant rollback (`switched_back`), after which
 * the version rolled back from is an idle candidate again. The event carries the numbers of the idle version's last
 * finished replay, when there is one.
 */
export async function switchToIdle(db: TDb, options: TBlueGreenTarget) {
  const { environment, deployment, idle } = await findBlueGreenTarget(db, options);
  if (!idle) throw new AppError("CONFLICT", `No version is idle in ${environment.name}: deploy one idle first`);
  const from = deployment.stableVersion.number;
  const isSwitchBack = idle.role === "standby";
  const lastReplay = await db.deploymentReplay.findFirst({
    where: { deploymentId: deployment.id, targetVersion: idle.number, sourceVersion: from, finishedAt: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { id: true, changed: true, allowLiveCalls: true, _count: { select: { runs: true } } },
  });
  const numbers: TReplayNumbers | null = lastReplay ? { replayId: lastReplay.id, replayed: lastReplay._count.runs, changed: lastReplay.changed, allowLiveCalls: lastReplay.allowLiveCalls } : null;
  return db.$transaction(async (tx) => {
    const { count } = await tx.deployment.updateMany({
      where: { id: deployment.id, stableVersionId: deployment.stableVersionId, idleVersionId: idle.id, candidateVersionId: null },
      data: { stableVersionId: idle.id, idleVersionId: deployment.stableVersionId, idleRole: isSwitchBack ? "candidate" : "standby", deployedById: options.actor.id, deployedAt: new Date() },
    });
    if (count === 0) throw new AppError("CONFLICT", `The deployment in ${environment.name} changed meanwhile; look again`);
    const replayed = numbers ? ` after ${numbers.replayed} replayed runs, ${numbers.changed} changed` : "";
    await recordDeploymentEvent(tx, {
      deploymentId: deployment.id,
      kind: isSwitchBack ? "switched_back" : "switched",
      actor: { type: "user", id: options.actor.id },
      stableVersion: idle.number,
      candidateVersion: from,
      candidateShare: 0,
      reason: isSwitchBack
        ? `switched back from version ${from} to version ${idle.number} in ${environment.name}; version ${from} stays idle`
        : `every new delivery in ${environment.name} runs version ${idle.number}${replayed}; version ${from} stays on standby for an instant switch back`,
      numbers,
    });
    return { environment: environment.name, stableVersion: idle.number, idleVersion: from, isSwitchBack };
  });
}
