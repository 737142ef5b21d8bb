import type { TDbOrTx } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { findGraphOrThrow } from "./find-graph";

/** Soft delete: versions and runs stay for history and audit; every lookup hides the graph from now on. */
export async function deleteGraph(db: TDbOrTx, options: { workspaceId: string; graphId: string; actorId: string }) {
  const graph = await findGraphOrThrow(db, options, { id: true, name: true, draftRevision: true });
  await db.graph.update({ where: { id: graph.id }, data: { deletedAt: new Date(), updatedById: options.actorId } });
  studioEvents.emit("graph.updated", {
    workspaceId: options.workspaceId,
    graphId: graph.id,
    change: "deleted",
    name: graph.name,
    draftRevision: graph.draftRevision,
    actorId: options.actorId,
  });
  return { id: graph.id };
}
