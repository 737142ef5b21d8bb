import { createEmptyGraphSpec } from "@/lib/graph";
import { toJsonColumn } from "../../db/json";
import type { TDbOrTx } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { parseGraphSpecOrThrow } from "./parse-graph-spec";

export async function createGraph(
  db: TDbOrTx,
  options: { workspaceId: string; actorId: string; name: string; spec?: unknown },
) {
  const draft = parseGraphSpecOrThrow(options.spec ?? createEmptyGraphSpec());
  const graph = await db.graph.create({
    data: {
      workspaceId: options.workspaceId,
      name: options.name,
      draft: toJsonColumn(draft),
      createdById: options.actorId,
      updatedById: options.actorId,
    },
    select: { id: true, name: true, draftRevision: true },
  });
  studioEvents.emit("graph.updated", {
    workspaceId: options.workspaceId,
    graphId: graph.id,
    change: "created",
    name: graph.name,
    draftRevision: graph.draftRevision,
    actorId: options.actorId,
  });
  return graph;
}
