import type { TDb } from "../db/client";
import { isFinalRunStatus } from "../runtime/statuses";
import { recordDeploymentEvent } from "./record-deployment-event";
import { isReplayChanged } from "./replay-numbers";

/**
 * After a run ended: when it is a blue/green replay, whether it changed against its source run, and once every replay
 * of its batch ended, the batch's numbers and the `replayed` event. Both writes are conditional (a pair still
 * unsettled, a batch still open), so processes settling the same runs record each once. Returns false for other runs.
 */
export async function settleReplayAfterRun(db: TDb, runId: string): Promise<boolean> {
  const pair = await db.deploymentReplayRun.findUnique({
    where: { replayRunId: runId },
    select: { replayId: true, position: true, changed: true, sourceRun: { select: { status: true, output: true } }, replayRun: { select: { status: true, output: true } } },
  });
  if (!pair) return false;
  if (pair.changed === null && isFinalRunStatus(pair.replayRun.status)) {
    const changed = isReplayChanged(pair.sourceRun, pair.replayRun);
    await db.deploymentReplayRun.updateMany({ where: { replayId: pair.replayId, position: pair.position, changed: null }, data: { changed } });
  }
  await finishReplay(db, pair.replayId);
  return true;
}

async function finishReplay(db: TDb, replayId: string): Promise<void> {
  const replay = await db.deploymentReplay.findUniqueOrThrow({
    where: { id: replayId },
    select: { deploymentId: true, createdById: true, finishedAt: true, sourceVersion: true, targetVersion: true, allowLiveCalls: true, runs: { select: { changed: true } } },
  });
  if (replay.finishedAt || replay.runs.some((run) => run.changed === null)) return;
  const changed = replay.runs.filter((run) => run.changed).length;
  const replayed = replay.runs.length;
  await db.$transaction(async (tx) => {
    const { count } = await tx.deploymentReplay.updateMany({ where: { id: replayId, finishedAt: null }, data: { finishedAt: new Date(), changed } });
    if (count === 0) return;
    await recordDeploymentEvent(tx, {
      deploymentId: replay.deploymentId,
      kind: "replayed",
      // The person who started the replay; its end is the last part of their action.
      actor: replay.createdById ? { type: "user", id: replay.createdById } : { type: "rules" },
      stableVersion: replay.sourceVersion,
      candidateVersion: replay.targetVersion,
      candidateShare: 0,
      reason: `${replayed} runs of version ${replay.sourceVersion} replayed through version ${replay.targetVersion}: ${changed} changed, ${replayed - changed} unchanged`,
      numbers: { replayId, replayed, changed, allowLiveCalls: replay.allowLiveCalls },
    });
  });
}
