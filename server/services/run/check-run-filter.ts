import { notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import type { TRunFilter } from "./run-filter";

/**
 * A filter naming a graph of another workspace answers NOT_FOUND, like every foreign id. A deleted graph of this
 * workspace still filters: its runs stay in the history.
 */
export async function checkRunFilter(db: TDbOrTx, filter: TRunFilter): Promise<void> {
  if (!filter.graphId) return;
  const graph = await db.graph.findFirst({ where: { id: filter.graphId, workspaceId: filter.workspaceId }, select: { id: true } });
  if (!graph) throw notFound("Graph");
}
