import type { TDbOrTx } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { findGraphOrThrow } from "./find-graph";

export async function renameGraph(
  db: TDbOrTx,
  options: { workspaceId: string; graphId: string; actorId: string; name: string },
) {
  await findGraphOrThrow(db, options, { id: true });
  const graph = await db.graph.update({
    where: { id: options.graphId },
    data: { name: options.name, updatedById: options.actorId },
    select: { id: true, name: true, draftRevision: true },
  });
  studioEvents.emit("graph.updated", {
    workspaceId: options.workspaceId,
    graphId: graph.id,
    change: "renamed",
    name: graph.name,
    draftRevision: graph.draftRevision,
    actorId: options.actorId,
  });
  return graph;
}
