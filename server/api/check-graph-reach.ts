import { notFound } from "../app-error";
import type { TDbOrTx } from "../db/client";

/**
 * For a caller limited to one graph (a graph-limited API key): an input naming another graph, or a run of another
 * graph, answers NOT_FOUND with the same message as a missing one. Every procedure that takes `graphId` or `runId`
 * passes through here; list procedures narrow to the graph themselves (`ctx.workspace.graphId`).
 */
export async function checkGraphReach(db: TDbOrTx, access: { workspaceId: string; graphId: string | null }, input: Record<string, unknown>): Promise<void> {
  if (access.graphId === null) return;
  if (typeof input.graphId === "string" && input.graphId !== access.graphId) throw notFound("Graph");
  if (typeof input.runId !== "string") return;
  const run = await db.run.findFirst({ where: { id: input.runId, workspaceId: access.workspaceId }, select: { graphId: true } });
  // A missing run is left to the procedure's own lookup, which answers the same NOT_FOUND.
  if (run && run.graphId !== access.graphId) throw notFound("Run");
}
