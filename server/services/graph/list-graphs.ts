import type { TDbOrTx } from "../../db/client";

/** Small columns only: the list never loads drafts or specs. `graphId` narrows it to one graph (a graph-limited key). */
export async function listGraphs(db: TDbOrTx, options: { workspaceId: string; graphId?: string | null }) {
  const graphs = await db.graph.findMany({
    where: { workspaceId: options.workspaceId, deletedAt: null, ...(options.graphId ? { id: options.graphId } : {}) },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      name: true,
      draftRevision: true,
      updatedAt: true,
      createdAt: true,
      currentVersion: { select: { number: true, createdAt: true } },
    },
  });
  return graphs.map(({ currentVersion, ...graph }) => ({
    ...graph,
    latestVersion: currentVersion?.number ?? null,
    publishedAt: currentVersion?.createdAt ?? null,
  }));
}
