import type { TDbOrTx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { usageColumnsSql } from "../services/run/usage-columns";
import type { TArm } from "./pick-arm";

export type TArmNumbers = {
  runs: number;
  succeeded: number;
  failed: number;
  /** failed / runs, 0 without runs */
  errorRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  tokensPerRun: number | null;
  costPerRunUsd: number | null;
  topErrors: { code: string; message: string; count: number }[];
};

export type TComparison = { since: string; stable: TArmNumbers; candidate: TArmNumbers };

type TArmRow = { arm: TArm; runs: number; succeeded: number; failed: number; p50Ms: number | null; p95Ms: number | null; tokensPerRun: number | null; costPerRunUsd: number | null };
type TErrorRow = { arm: TArm; code: string; message: string; count: number };

const TOP_ERRORS = 3;

export type TCanaryWindow = { id: string; stableVersionId: string; candidateVersionId: string | null; since: Date };

/** The finished runs (alias r) each side ran since `since` on the version it runs now: what the comparison and the timeline read. */
export function canaryWindowSql(deployment: TCanaryWindow): Prisma.Sql {
  return Prisma.sql`
    r."deploymentId" = ${deployment.id} AND r."createdAt" >= ${deployment.since}
    AND r.status IN ('succeeded', 'failed', 'cancelled')
    AND ((r."deploymentArm" = 'stable' AND r."graphVersionId" = ${deployment.stableVersionId})
      OR (r."deploymentArm" = 'candidate' AND r."graphVersionId" = ${deployment.candidateVersionId}))`;
}

/**
 * Stable vs candidate over the canary window: the finished runs (succeeded, failed, cancelled) each side of the
 * deployment ran since `since` on the version it runs now, so the runs of an earlier candidate never count. Two
 * aggregate queries over the Run rows (index on deploymentId, createdAt).
 */
export async function compareArms(db: TDbOrTx, deployment: TCanaryWindow): Promise<TComparison> {
  const window = canaryWindowSql(deployment);
  const arms = await db.$queryRaw<TArmRow[]>`
    WITH f AS (
      SELECT r."deploymentArm" AS arm, r.status, extract(epoch FROM (r."finishedAt" - coalesce(r."startedAt", r."createdAt"))) * 1000 AS ms, ${usageColumnsSql()}
      FROM "Run" r WHERE ${window}
    )
    SELECT arm, count(*)::int AS runs,
      (count(*) FILTER (WHERE status = 'succeeded'))::int AS succeeded,
      (count(*) FILTER (WHERE status = 'failed'))::int AS failed,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS "p50Ms",
      percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS "p95Ms",
      sum(tokens) / count(*) AS "tokensPerRun",
      sum("costUsd") / count(*) AS "costPerRunUsd"
    FROM f GROUP BY arm`;
  const errors = await db.$queryRaw<TErrorRow[]>`
    WITH e AS (
      SELECT r."deploymentArm" AS arm, coalesce(r.error->>'code', 'Error') AS code, left(coalesce(r.error->>'message', ''), 200) AS message, count(*)::int AS count
      FROM "Run" r WHERE ${window} AND r.status = 'failed'
      GROUP BY 1, 2, 3
    )
    SELECT arm, code, message, count FROM (
      SELECT e.*, row_number() OVER (PARTITION BY arm ORDER BY count DESC, code) AS rank FROM e
    ) ranked WHERE rank <= ${TOP_ERRORS} ORDER BY arm, count DESC, code`;
  const numbersOf = (arm: TArm): TArmNumbers => {
    const row = arms.find((candidate) => candidate.arm === arm);
    const runs = row?.runs ?? 0;
    return {
      runs,
      succeeded: row?.succeeded ?? 0,
      failed: row?.failed ?? 0,
      errorRate: runs > 0 ? (row?.failed ?? 0) / runs : 0,
      p50Ms: toNumber(row?.p50Ms),
      p95Ms: toNumber(row?.p95Ms),
      tokensPerRun: toNumber(row?.tokensPerRun),
      costPerRunUsd: toNumber(row?.costPerRunUsd),
      topErrors: errors.filter((error) => error.arm === arm).map(({ code, message, count }) => ({ code, message, count })),
    };
  };
  return { since: deployment.since.toISOString(), stable: numbersOf("stable"), candidate: numbersOf("candidate") };
}

function toNumber(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}
