import type { TDbOrTx } from "../../db/client";

/** Small columns only: the list never loads drafts or specs. */
export async function listGraphs(db: TDbOrTx, options: { workspaceId: string }) {
  const graphs = await db.graph.findMany({
    where: { workspaceId: options.workspaceId, deletedAt: null },
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
