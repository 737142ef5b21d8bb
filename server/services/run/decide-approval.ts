import { AppError } from "../../app-error";
import type { TDb } from "../../db/client";
import { type Prisma } from "../../db/generated/client";
import { studioEvents } from "../../events/studio-events";
import { resolveWait, type TFrontier } from "../../runtime/frontier/frontier";
import { findRunOrThrow } from "./find-run";

/**
 * Approves or rejects a parked Approval step. The run row is locked, the wait resolved in its frontier and the run
 * queued again, in one transaction, so two operators deciding at once cannot both win.
 */
export async function decideApproval(
  db: TDb,
  options: { workspaceId: string; runId: string; nodeId: string; actorId: string; decision: "approved" | "rejected"; comment?: string },
) {
  await findRunOrThrow(db, options, { id: true });
  await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: string; frontier: TFrontier | null }[]>`
      SELECT status, frontier FROM "Run" WHERE id = ${options.runId} FOR UPDATE`;
    if (!locked || locked.status !== "waiting" || !locked.frontier) throw new AppError("CONFLICT", "The run is not waiting for an approval");
    const frontier = resolveWait(locked.frontier, options.nodeId, "approval", { kind: options.decision, comment: options.comment, by: options.actorId });
    if (!frontier) throw new AppError("CONFLICT", `Node "${options.nodeId}" is not waiting for an approval`);
    await tx.run.update({ where: { id: options.runId }, data: { frontier: frontier as unknown as Prisma.InputJsonValue, status: "queued" } });
  });
  studioEvents.emit("run.queued", { workspaceId: options.workspaceId, runId: options.runId });
  return { id: options.runId, decision: options.decision };
}
