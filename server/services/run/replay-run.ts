import { AppError } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { studioEvents } from "../../events/studio-events";
import { isFinalRunStatus } from "../../runtime/statuses";
import { findRunOrThrow } from "./find-run";

/** A new run of the same spec and input that serves every effectful step from this run's records (no model calls). */
export async function replayRun(db: TDbOrTx, options: { workspaceId: string; runId: string; actorId: string }) {
  const source = await findRunOrThrow(db, options, { id: true, status: true, graphId: true, graphVersionId: true, spec: true, input: true });
  if (!isFinalRunStatus(source.status)) throw new AppError("CONFLICT", `Only a finished run can be replayed (this one is ${source.status})`);
  const run = await db.run.create({
    data: {
      workspaceId: options.workspaceId,
      graphId: source.graphId,
      graphVersionId: source.graphVersionId,
      spec: source.spec as Prisma.InputJsonValue,
      input: source.input === null ? Prisma.JsonNull : (source.input as Prisma.InputJsonValue),
      trigger: "replay",
      replayOfRunId: source.id,
      createdById: options.actorId,
    },
    select: { id: true, status: true, createdAt: true },
  });
  studioEvents.emit("run.queued", { workspaceId: options.workspaceId, runId: run.id });
  return run;
}
