import { Prisma } from "../../db/generated/client";
import type { TDbOrTx } from "../../db/client";
import { checkRunFilter } from "./check-run-filter";
import { findChartSpan, type TChartSpan } from "./find-chart-span";
import { runDimensionConditions, runFilterSql, utcTimestamp, type TRunFilter } from "./run-filter";
import { usageColumnsSql } from "./usage-columns";

type TStatsRow = { bucket: Date | null; runs: number; succeeded: number; failed: number; tokens: number | null; costUsd: number | null };

const DAY_MS = 86_400_000;

/**
 * Totals (runs, failures, tokens, cost) and runs over time for the history's filter: the empty grouping set is the
 * totals row, the others are `date_trunc` buckets. Buckets are hours when the charted span (the filter's range, else
 * first run to now) is at most two days, days otherwise; both in UTC.
 *
 * A day chart reads the whole days inside the span from `WorkspaceRunDailyStats`, or `RunDailyStats` for a filter on
 * graphs (finished runs, kept by triggers on Run), and only the rest from Run: the partial first and last day of a
 * range the filter bounds, and the unfinished runs of the days between. A filter the daily rows cannot answer (error
 * text, a run number) and an hour chart aggregate Run rows.
 */
export async function getRunStats(db: TDbOrTx, filter: TRunFilter) {
  await checkRunFilter(db, filter);
  const span = await findChartSpan(db, filter);
  const rows = span ? await queryStats(db, filter, span) : [];
  const [totals, ...buckets] = rows;
  return {
    totals: { runs: totals?.runs ?? 0, failed: totals?.failed ?? 0, succeeded: totals?.succeeded ?? 0, tokens: totals?.tokens ?? null, costUsd: totals?.costUsd ?? null },
    chart: {
      unit: span?.unit ?? "day",
      from: span?.from ?? null,
      to: span?.to ?? null,
      buckets: buckets.map((bucket) => ({ start: bucket.bucket!, runs: bucket.runs, succeeded: bucket.succeeded, failed: bucket.failed })),
    },
  };
}

function queryStats(db: TDbOrTx, filter: TRunFilter, span: TChartSpan): Promise<TStatsRow[]> {
  const unit = Prisma.raw(`'${span.unit}'`);
  const fullDays = span.unit === "day" && filter.errorText === undefined && filter.number === undefined ? wholeDaysOf(filter, span) : undefined;
  const runsPart = (range: Prisma.Sql) => Prisma.sql`
    SELECT date_trunc(${unit}, r."createdAt") AS bucket, 1 AS runs, (r.status = 'succeeded')::int AS succeeded, (r.status = 'failed')::int AS failed,
      u.tokens, (u.tokens IS NOT NULL)::int AS "tokenRuns", u."costUsd", (u."costUsd" IS NOT NULL)::int AS "costRuns"
    FROM "Run" r CROSS JOIN LATERAL (SELECT ${usageColumnsSql()}) u
    WHERE ${runFilterSql(filter)} ${range}`;
  const parts = fullDays
    ? Prisma.sql`
      SELECT s.day::timestamp AS bucket, s.runs, CASE WHEN s.status = 'succeeded' THEN s.runs ELSE 0 END AS succeeded,
        CASE WHEN s.status = 'failed' THEN s.runs ELSE 0 END AS failed, s.tokens, s."tokenRuns", s."costUsd", s."costRuns"
      FROM ${isByGraph(filter) ? Prisma.sql`"RunDailyStats"` : Prisma.sql`"WorkspaceRunDailyStats"`} s
      WHERE ${Prisma.join(runDimensionConditions(filter, "s"), " AND ")} AND s.day >= ${fullDays.from}::date AND s.day < ${fullDays.to}::date
      UNION ALL ${runsPart(Prisma.sql`AND r."createdAt" < ${utcTimestamp(fullDays.from)}`)}
      UNION ALL ${runsPart(Prisma.sql`AND r."createdAt" >= ${utcTimestamp(fullDays.to)}`)}
      UNION ALL ${runsPart(Prisma.sql`AND r.status IN ('queued', 'running', 'waiting') AND r."createdAt" >= ${utcTimestamp(fullDays.from)} AND r."createdAt" < ${utcTimestamp(fullDays.to)}`)}`
    : runsPart(Prisma.empty);
  return db.$queryRaw<TStatsRow[]>`
    SELECT p.bucket, sum(p.runs)::int AS runs, sum(p.succeeded)::int AS succeeded, sum(p.failed)::int AS failed,
      CASE WHEN sum(p."tokenRuns") > 0 THEN sum(p.tokens) END AS tokens, CASE WHEN sum(p."costRuns") > 0 THEN sum(p."costUsd") END AS "costUsd"
    FROM (${parts}) p
    GROUP BY GROUPING SETS ((p.bucket), ())
    ORDER BY p.bucket NULLS FIRST`;
}

/** A filter on graphs reads the per-graph daily rows; any other the workspace's (a few rows a day). */
function isByGraph(filter: TRunFilter): boolean {
  return filter.graphId !== undefined || filter.versionNumber !== undefined || filter.graphScope?.onlyGraphIds !== undefined || (filter.graphScope?.hiddenGraphIds.length ?? 0) > 0;
}

/**
 * The UTC days the daily rows answer whole, as [from, to) at midnight; undefined when there is none. A side the
 * filter leaves open takes its whole day: no run is older than the first one, nor newer than now.
 */
function wholeDaysOf(filter: TRunFilter, span: TChartSpan): { from: Date; to: Date } | undefined {
  const from = new Date((filter.createdAfter ? Math.ceil : Math.floor)(span.from.getTime() / DAY_MS) * DAY_MS);
  const to = new Date((filter.createdBefore ? Math.floor : Math.ceil)(span.to.getTime() / DAY_MS) * DAY_MS);
  return from < to ? { from, to } : undefined;
}
