import type { TDbOrTx } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { findGraphOrThrow } from "./find-graph";

/** Takes a tag off a graph (one statement, so a concurrent tagging keeps its own tag); a tag it lacks changes nothing. */
export async function removeGraphTag(db: TDbOrTx, options: { workspaceId: string; graphId: string; actorId: string; tag: string }): Promise<{ tags: string[] }> {
  const graph = await findGraphOrThrow(db, options, { id: true, name: true, draftRevision: true, tags: true });
  if (!graph.tags.includes(options.tag)) return { tags: graph.tags };
  const [updated] = await db.$queryRaw<{ tags: string[] }[]>`
    UPDATE "Graph" SET tags = array_remove(tags, ${options.tag}) WHERE id = ${graph.id} RETURNING tags`;
  studioEvents.emit("graph.updated", { workspaceId: options.workspaceId, graphId: graph.id, change: "tags", name: graph.name, draftRevision: graph.draftRevision, actorId: options.actorId });
  return updated ?? { tags: [] };
}
