import type { TDb } from "../db/client";
import { isFinalRunStatus } from "../runtime/statuses";
import { findDeploymentTarget } from "./deployment-target";
import { settleReplayAfterRun } from "./settle-replay";

const REPLAYS_SHOWN = 3;

/**
 * A graph's blue/green state in an environment: the idle version (candidate or standby) and the latest replays, each
 * as its pairs of source run and replay with whether the replay changed. A pair whose replay ended unsettled (its
 * process stopped between the end and the hook) is settled here.
 */
export async function getBlueGreen(db: TDb, options: { workspaceId: string; graphId: string; environment: string }) {
  const { deployment } = await findDeploymentTarget(db, options);
  if (!deployment) return { idle: null, replays: [] };
  const read = () =>
    db.deployment.findUniqueOrThrow({
      where: { id: deployment.id },
      select: {
        idleRole: true,
        idleVersion: { select: { number: true, message: true } },
        replays: {
          orderBy: { createdAt: "desc" },
          take: REPLAYS_SHOWN,
          select: {
            id: true,
            sourceVersion: true,
            targetVersion: true,
            allowLiveCalls: true,
            createdAt: true,
            finishedAt: true,
            changed: true,
            runs: {
              orderBy: { position: "asc" },
              select: { changed: true, sourceRun: { select: { id: true, number: true, status: true } }, replayRun: { select: { id: true, number: true, status: true } } },
            },
          },
        },
      },
    });
  let state = await read();
  const unsettled = state.replays.flatMap((replay) => replay.runs).filter((pair) => pair.changed === null && isFinalRunStatus(pair.replayRun.status));
  if (unsettled.length > 0) {
    for (const pair of unsettled) await settleReplayAfterRun(db, pair.replayRun.id);
    state = await read();
  }
  return {
    idle: state.idleVersion ? { ...state.idleVersion, role: state.idleRole === "standby" ? ("standby" as const) : ("candidate" as const) } : null,
    replays: state.replays.map(({ runs, ...replay }) => ({ ...replay, pairs: runs.map(({ sourceRun, replayRun, changed }) => ({ source: sourceRun, replay: replayRun, changed })) })),
  };
}
