import type { TDbOrTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { TRunStatus } from "../../runtime/statuses";

export type TListRunsFilter = {
  workspaceId: string;
  graphId?: string;
  versionNumber?: number;
  statuses?: TRunStatus[];
  createdAfter?: Date;
  createdBefore?: Date;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  limit: number;
};

/** Newest first, small columns only, keyset-paginated on (createdAt, id). */
export async function listRuns(db: TDbOrTx, filter: TListRunsFilter) {
  const where: Prisma.RunWhereInput = {
    workspaceId: filter.workspaceId,
    ...(filter.graphId ? { graphId: filter.graphId } : {}),
    ...(filter.versionNumber !== undefined ? { graphVersion: { number: filter.versionNumber } } : {}),
    ...(filter.statuses?.length ? { status: { in: filter.statuses } } : {}),
    ...(filter.createdAfter || filter.createdBefore ? { createdAt: { gte: filter.createdAfter, lt: filter.createdBefore } } : {}),
  };
  const runs = await db.run.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.limit + 1,
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    select: { id: true, graphId: true, status: true, trigger: true, createdAt: true, startedAt: true, finishedAt: true, graph: { select: { name: true } }, graphVersion: { select: { number: true } } },
  });
  const page = runs.slice(0, filter.limit);
  return {
    items: page.map(({ graph, graphVersion, ...run }) => ({ ...run, graphName: graph.name, versionNumber: graphVersion?.number ?? null })),
    nextCursor: runs.length > filter.limit ? page.at(-1)!.id : null,
  };
}
