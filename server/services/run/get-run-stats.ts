import { Prisma } from "../../db/generated/client";
import type { TDbOrTx } from "../../db/client";
import { checkRunFilter } from "./check-run-filter";
import { runFilterSql, utcTimestamp, type TRunFilter } from "./run-filter";
import { usageColumnsSql } from "./usage-columns";

type TBucketUnit = "hour" | "day";

type TStatsRow = {
  bucket: Date | null;
  runs: number;
  succeeded: number;
  failed: number;
  tokens: number | null;
  costUsd: number | null;
  unit: TBucketUnit | null;
  from: Date | null;
  to: Date | null;
};

/**
 * Totals (runs, failures, tokens, cost) and runs over time for the history's filter, in one aggregate query: the
 * empty grouping set is the totals row, the others are `date_trunc` buckets. Buckets are hours when the charted span
 * (the filter's range, else first run to now) is at most two days, days otherwise; both in UTC.
 */
export async function getRunStats(db: TDbOrTx, filter: TRunFilter) {
  await checkRunFilter(db, filter);
  const after = filter.createdAfter ? utcTimestamp(filter.createdAfter) : Prisma.sql`NULL::timestamp`;
  const before = filter.createdBefore ? utcTimestamp(filter.createdBefore) : Prisma.sql`NULL::timestamp`;
  const rows = await db.$queryRaw<TStatsRow[]>`
    WITH f AS (
      SELECT r."createdAt", r.status, ${usageColumnsSql()} FROM "Run" r WHERE ${runFilterSql(filter)}
    ), span AS (
      SELECT coalesce(${after}, min(f."createdAt")) AS "from", coalesce(${before}, now() AT TIME ZONE 'UTC') AS "to" FROM f
    ), chart AS (
      SELECT "from", "to", CASE WHEN "to" - "from" <= interval '2 days' THEN 'hour' ELSE 'day' END AS unit FROM span
    )
    SELECT date_trunc(chart.unit, f."createdAt") AS bucket,
      count(*)::int AS runs,
      (count(*) FILTER (WHERE f.status = 'succeeded'))::int AS succeeded,
      (count(*) FILTER (WHERE f.status = 'failed'))::int AS failed,
      sum(f.tokens) AS tokens,
      sum(f."costUsd") AS "costUsd",
      min(chart.unit) AS unit, min(chart."from") AS "from", min(chart."to") AS "to"
    FROM f CROSS JOIN chart
    GROUP BY GROUPING SETS ((date_trunc(chart.unit, f."createdAt")), ())
    ORDER BY bucket NULLS FIRST`;
  const [totals, ...buckets] = rows;
  return {
    totals: { runs: totals?.runs ?? 0, failed: totals?.failed ?? 0, succeeded: totals?.succeeded ?? 0, tokens: totals?.tokens ?? null, costUsd: totals?.costUsd ?? null },
    chart: {
      unit: totals?.unit ?? "day",
      from: totals?.from ?? null,
      to: totals?.to ?? null,
      buckets: buckets.map((bucket) => ({ start: bucket.bucket!, runs: bucket.runs, succeeded: bucket.succeeded, failed: bucket.failed })),
    },
  };
}
