import type { TDb } from "../db/client";
import { canaryWindowSql } from "./compare-arms";
import { findDeploymentTarget } from "./deployment-target";
import { chooseBucketMs, fillTimeline, type TTimelineRow } from "./fill-timeline";

/**
 * The live comparison over time, for the chart beside it: stable vs candidate per time bucket of the canary window
 * (the runs compare-arms.ts counts, by when they were created): runs, success rate, p95 duration. One aggregate query.
 * Without a canary, the stable side since it was deployed; null when nothing is deployed.
 */
export async function readCanaryTimeline(db: TDb, options: { workspaceId: string; graphId: string; environment: string; now?: Date }) {
  const { deployment } = await findDeploymentTarget(db, options);
  if (!deployment) return null;
  const since = deployment.canaryStartedAt ?? deployment.deployedAt;
  const nowMs = (options.now ?? new Date()).getTime();
  const bucketMs = chooseBucketMs(nowMs - since.getTime());
  const rows = await db.$queryRaw<TTimelineRow[]>`
    SELECT floor(extract(epoch FROM (r."createdAt" - ${since})) * 1000 / ${bucketMs})::int AS bucket, r."deploymentArm" AS arm,
      count(*)::int AS runs,
      (count(*) FILTER (WHERE r.status = 'succeeded'))::int AS succeeded,
      percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM (r."finishedAt" - coalesce(r."startedAt", r."createdAt"))) * 1000) AS "p95Ms"
    FROM "Run" r WHERE ${canaryWindowSql({ ...deployment, since })}
    GROUP BY 1, 2`;
  return {
    since: since.toISOString(),
    bucketMs,
    stableVersion: deployment.stableVersion.number,
    candidateVersion: deployment.candidateVersion?.number ?? null,
    buckets: fillTimeline(rows, { sinceMs: since.getTime(), nowMs, bucketMs }),
  };
}
