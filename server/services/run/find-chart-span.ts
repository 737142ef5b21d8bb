import { Prisma } from "../../db/generated/client";
import type { TDbOrTx } from "../../db/client";
import { runFilterSql, type TRunFilter } from "./run-filter";

export type TChartSpan = { from: Date; to: Date; unit: "hour" | "day" };

const HOUR_CHART_MAX_MS = 2 * 86_400_000;

/**
 * What the history's chart spans: the filter's range, else from its first run to now (UTC). Undefined when no run
 * matches and the filter gives no start. The first run is one step down the (workspaceId, createdAt) index.
 */
export async function findChartSpan(db: TDbOrTx, filter: TRunFilter): Promise<TChartSpan | undefined> {
  const [row] = await db.$queryRaw<{ first: Date | null; now: Date }[]>`
    SELECT ${filter.createdAfter ? Prisma.sql`NULL::timestamp` : Prisma.sql`(SELECT r."createdAt" FROM "Run" r WHERE ${runFilterSql(filter)} ORDER BY r."createdAt" LIMIT 1)`} AS first,
      now() AT TIME ZONE 'UTC' AS now`;
  const from = filter.createdAfter ?? row?.first;
  if (!from || !row) return undefined;
  const to = filter.createdBefore ?? row.now;
  return { from, to, unit: to.getTime() - from.getTime() <= HOUR_CHART_MAX_MS ? "hour" : "day" };
}
