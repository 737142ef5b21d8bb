import type { TDbOrTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";

/**
 * Small columns only: the list never loads drafts or specs. `visible` is the caller's reach (server/auth/graph-access.ts);
 * `tags` keeps the graphs that carry every one of them.
 */
export async function listGraphs(db: TDbOrTx, options: { workspaceId: string; visible: Prisma.GraphWhereInput; tags?: string[] }) {
  const tagged: Prisma.GraphWhereInput = options.tags?.length ? { tags: { hasEvery: options.tags } } : {};
  const graphs = await db.graph.findMany({
    where: { AND: [{ workspaceId: options.workspaceId, deletedAt: null }, tagged, options.visible] },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      name: true,
      draftRevision: true,
      isRestricted: true,
      tags: true,
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
