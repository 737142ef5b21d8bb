import { GRAPH_TAG_LIMITS } from "@/lib/graph";
import { AppError } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { findGraphOrThrow } from "./find-graph";

/**
 * Files a graph under a tag (already normalized by lib/graph's ZGraphTag). One conditional UPDATE appends it only while
 * the graph lacks it and has room, so two people tagging at once never pass the cap or store a tag twice. Tagging is
 * not an edit of the graph: its `updatedAt` (the list's "recently changed") stays.
 */
export async function addGraphTag(db: TDbOrTx, options: { workspaceId: string; graphId: string; actorId: string; tag: string }): Promise<{ tags: string[] }> {
  const graph = await findGraphOrThrow(db, options, { id: true, name: true, draftRevision: true, tags: true });
  if (graph.tags.includes(options.tag)) return { tags: graph.tags };
  const [updated] = await db.$queryRaw<{ tags: string[] }[]>`
    UPDATE "Graph" SET tags = array_append(tags, ${options.tag})
    WHERE id = ${graph.id} AND NOT (${options.tag} = ANY(tags)) AND cardinality(tags) < ${GRAPH_TAG_LIMITS.maxPerGraph}
    RETURNING tags`;
  if (!updated) {
    const { tags } = await findGraphOrThrow(db, options, { tags: true });
    if (tags.includes(options.tag)) return { tags };
    throw new AppError("BAD_REQUEST", `A graph has at most ${GRAPH_TAG_LIMITS.maxPerGraph} tags: remove one first`);
  }
  studioEvents.emit("graph.updated", { workspaceId: options.workspaceId, graphId: graph.id, change: "tags", name: graph.name, draftRevision: graph.draftRevision, actorId: options.actorId });
  return updated;
}
