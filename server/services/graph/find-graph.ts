import type { Prisma } from "../../db/generated/client";
import type { TDbOrTx } from "../../db/client";
import { notFound } from "../../app-error";

/**
 * The one scoped lookup every graph service starts with: a graph of another workspace, a deleted graph and a missing
 * id are the same NOT_FOUND.
 */
export async function findGraphOrThrow<S extends Prisma.GraphSelect>(
  db: TDbOrTx,
  where: { workspaceId: string; graphId: string },
  select: S,
): Promise<Prisma.GraphGetPayload<{ select: S }>> {
  const graph = await db.graph.findFirst({
    where: { id: where.graphId, workspaceId: where.workspaceId, deletedAt: null },
    select,
  });
  if (!graph) throw notFound("Graph");
  return graph;
}
