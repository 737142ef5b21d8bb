import { AppError } from "../app-error";
import type { TDb } from "../db/client";
import { insertRun } from "../db/insert-run";
import { Prisma } from "../db/generated/client";
import { studioEvents } from "../events/studio-events";
import { findBlueGreenTarget, type TBlueGreenTarget } from "./blue-green-target";
import { recordDeploymentEvent } from "./record-deployment-event";

/**
 * Blue/green, step two: the last `count` finished runs (succeeded or failed) of the environment's stable version are
 * replayed through the idle version, each with its input and start node, as runs of the environment outside the
 * deployment (no arm: the canary numbers never count them). Steps unchanged since the source run come from its
 * records; the others call models and hosts only with `allowLiveCalls` (cross-version-directives.ts). The pairs are
 * settled as the replays end (settle-replay.ts).
 */
export async function replayThroughIdle(db: TDb, options: TBlueGreenTarget & { count: number; allowLiveCalls: boolean }) {
  const { environment, deployment, idle } = await findBlueGreenTarget(db, options);
  if (!idle) throw new AppError("CONFLICT", `No version is idle in ${environment.name}: deploy one idle first`);
  const stable = deployment.stableVersion.number;
  const target = await db.graphVersion.findUniqueOrThrow({ where: { id: idle.id }, select: { id: true, number: true, spec: true } });
  const sources = await db.run.findMany({
    where: {
      workspaceId: options.workspaceId,
      graphId: options.graphId,
      environmentId: environment.id,
      graphVersionId: deployment.stableVersionId,
      status: { in: ["succeeded", "failed"] },
      replayOfRunId: null,
      parentRunId: null,
    },
    orderBy: { createdAt: "desc" },
    take: options.count,
    select: { id: true, input: true, startNodeId: true },
  });
  if (sources.length === 0) throw new AppError("CONFLICT", `Version ${stable} has no finished runs in ${environment.name} to replay`);

  const created = await db.$transaction(async (tx) => {
    const replay = await tx.deploymentReplay.create({
      data: { deploymentId: deployment.id, sourceVersion: stable, targetVersion: target.number, allowLiveCalls: options.allowLiveCalls, createdById: options.actor.id },
      select: { id: true },
    });
    const runIds: string[] = [];
    for (const [position, source] of sources.entries()) {
      const run = await insertRun(
        tx,
        {
          workspaceId: options.workspaceId,
          graphId: options.graphId,
          graphVersionId: target.id,
          spec: target.spec as Prisma.InputJsonValue,
          input: source.input === null ? Prisma.JsonNull : (source.input as Prisma.InputJsonValue),
          trigger: "replay",
          startNodeId: source.startNodeId,
          replayOfRunId: source.id,
          replayLiveCalls: options.allowLiveCalls,
          environmentId: environment.id,
          createdById: options.actor.id,
        },
        { id: true },
      );
      await tx.deploymentReplayRun.create({ data: { replayId: replay.id, position, sourceRunId: source.id, replayRunId: run.id } });
      runIds.push(run.id);
    }
    const calls = options.allowLiveCalls ? "live calls allowed" : "recorded calls only";
    await recordDeploymentEvent(tx, {
      deploymentId: deployment.id,
      kind: "replay_started",
      actor: { type: "user", id: options.actor.id },
      stableVersion: stable,
      candidateVersion: target.number,
      candidateShare: 0,
      reason: `the last ${sources.length} finished runs of version ${stable} in ${environment.name} replayed through version ${target.number} (${calls})`,
      numbers: { replayId: replay.id, replayed: sources.length, changed: null, allowLiveCalls: options.allowLiveCalls },
    });
    return { replayId: replay.id, runIds };
  });
  // After the commit, so that the runtime finds the runs it is woken for.
  for (const runId of created.runIds) studioEvents.emit("run.queued", { workspaceId: options.workspaceId, runId });
  return { replayId: created.replayId, environment: environment.name, sourceVersion: stable, targetVersion: target.number, replayed: sources.length };
}
