import { AppError } from "../../app-error";
import { toJsonColumn } from "../../db/json";
import type { TDbOrTx } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { findGraphOrThrow } from "./find-graph";
import { parseGraphSpecOrThrow } from "./parse-graph-spec";

/**
 * Replaces the draft if nobody saved since `baseRevision` (optimistic concurrency): a stale writer gets CONFLICT with
 * the current revision instead of silently overwriting someone else's edit.
 */
export async function saveGraphDraft(
  db: TDbOrTx,
  options: { workspaceId: string; graphId: string; actorId: string; spec: unknown; baseRevision: number; clientId?: string },
) {
  const draft = parseGraphSpecOrThrow(options.spec);
  const graph = await findGraphOrThrow(db, options, { id: true, name: true });
  const updated = await db.graph.updateMany({
    where: { id: graph.id, draftRevision: options.baseRevision, deletedAt: null },
    data: { draft: toJsonColumn(draft), draftRevision: { increment: 1 }, updatedById: options.actorId },
  });
  if (updated.count === 0) {
    const current = await findGraphOrThrow(db, options, { draftRevision: true });
    throw new AppError("CONFLICT", `The draft was saved by someone else (revision ${current.draftRevision}); reload it or overwrite`, {
      details: { currentRevision: current.draftRevision },
    });
  }
  const draftRevision = options.baseRevision + 1;
  studioEvents.emit("graph.updated", {
    workspaceId: options.workspaceId,
    graphId: graph.id,
    change: "draft",
    name: graph.name,
    draftRevision,
    actorId: options.actorId,
    clientId: options.clientId,
  });
  return { id: graph.id, draftRevision };
}
