import type { TDbOrTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";

/**
 * The tags of the graphs the caller sees (`visible`: a restricted graph's tags are not theirs to read), each with how
 * many of those graphs carry it, most used first: what the tag field offers while a person types.
 */
export async function listGraphTags(db: TDbOrTx, options: { workspaceId: string; visible: Prisma.GraphWhereInput }) {
  const graphs = await db.graph.findMany({
    where: { AND: [{ workspaceId: options.workspaceId, deletedAt: null, NOT: { tags: { isEmpty: true } } }, options.visible] },
    select: { tags: true },
  });
  const counts = new Map<string, number>();
  for (const tag of graphs.flatMap((graph) => graph.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, graphCount]) => ({ tag, graphCount })).sort((a, b) => b.graphCount - a.graphCount || a.tag.localeCompare(b.tag));
}
