import type { TRunRef } from "@/lib/runs/run-number";
import type { TDbOrTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";

/**
 * The runs a detail view links to (replayed, forked, parent and child runs), named by number and graph. A run of a graph
 * the caller does not see (`visible`, server/auth/graph-access.ts) stays unnamed: its graph's name is not theirs to read.
 */
export async function nameRuns(db: TDbOrTx, options: { workspaceId: string; runIds: string[]; visible: Prisma.GraphWhereInput }): Promise<Map<string, TRunRef>> {
  const runIds = [...new Set(options.runIds)];
  if (runIds.length === 0) return new Map();
  const seen = await db.run.findMany({
    where: { id: { in: runIds }, workspaceId: options.workspaceId, graph: options.visible },
    select: { id: true, number: true, graphId: true, graph: { select: { name: true } } },
  });
  const byId = new Map(seen.map((run) => [run.id, { number: run.number, graphId: run.graphId, graphName: run.graph.name }]));
  return new Map(runIds.map((runId) => [runId, { runId, seen: byId.get(runId) ?? null }]));
}
