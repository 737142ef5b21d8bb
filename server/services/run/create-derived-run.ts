import type { TDbOrTx } from "../../db/client";
import { insertRun } from "../../db/insert-run";
import { Prisma } from "../../db/generated/client";
import { studioEvents } from "../../events/studio-events";

export type TSourceRun = { id: string; graphId: string; graphVersionId: string | null; spec: unknown; input: unknown };

/** A new run of the same spec and input as `source` (a replay or a fork), queued for the runtime. */
export async function createDerivedRun(
  db: TDbOrTx,
  source: TSourceRun,
  options: { workspaceId: string; actorId: string; trigger: "replay" | "fork"; link: Pick<Prisma.RunUncheckedCreateInput, "replayOfRunId" | "parentRunId" | "forkedFromStepId" | "forkInput"> },
) {
  const run = await insertRun(
    db,
    {
      workspaceId: options.workspaceId,
      graphId: source.graphId,
      graphVersionId: source.graphVersionId,
      spec: source.spec as Prisma.InputJsonValue,
      input: source.input === null ? Prisma.JsonNull : (source.input as Prisma.InputJsonValue),
      trigger: options.trigger,
      createdById: options.actorId,
      ...options.link,
    },
    { id: true, number: true, status: true, createdAt: true },
  );
  studioEvents.emit("run.queued", { workspaceId: options.workspaceId, runId: run.id });
  return run;
}
