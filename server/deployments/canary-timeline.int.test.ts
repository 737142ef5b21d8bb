// The live chart's numbers on a real Postgres and runtime: the timeline of a canary holds the same finished runs as
// the comparison, bucketed by time, and fills in as deliveries finish.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { startWebhookRun } from "../services/trigger/start-webhook-run";
import { createWorkspaceWithMembers } from "../testing/factories";
import { startWorkspaceRuntime } from "../testing/start-workspace-runtime";
import { callerFor } from "../testing/trpc-callers";
import { waitForRunEnd } from "../testing/wait-for-run-end";
import { createPublishedGraph, createTriggerGraphSpec, publishSpec } from "../triggers/testing/trigger-graphs";

let studio: ReturnType<typeof startWorkspaceRuntime>;
beforeAll(() => {
  studio = startWorkspaceRuntime();
});
afterAll(async () => {
  await studio.stop();
});

describe("the canary timeline", () => {
  it("counts each side's finished runs per bucket, as many as the comparison", { timeout: 60_000 }, async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin"]);
    const workspaceId = workspace.id;
    const admin = callerFor(members.admin);
    const { graphId } = await createPublishedGraph(admin, workspaceId, createTriggerGraphSpec());
    await publishSpec(admin, workspaceId, graphId, createTriggerGraphSpec({ outputName: "second" }));
    const target = { workspaceId, graphId, environment: "production" };
    await admin.deployment.deploy({ ...target, version: 1 });
    await admin.deployment.deploy({ ...target, version: 2, canary: { share: 50, minRuns: 1_000 } });

    const empty = await admin.deployment.timeline(target);
    expect(empty).toMatchObject({ stableVersion: 1, candidateVersion: 2, bucketMs: 5_000 });
    expect(empty!.buckets.every((bucket) => bucket.stable.runs + bucket.candidate.runs === 0)).toBe(true);

    const trigger = await db().trigger.findFirstOrThrow({ where: { graphId, kind: "webhook" }, select: { id: true, workspaceId: true, graphId: true, nodeId: true, environmentId: true } });
    const runIds = [];
    for (let index = 0; index < 12; index++) runIds.push((await startWebhookRun(db(), { trigger, input: {}, idempotencyKey: `chart-${index}`, now: new Date() })).runId);
    await Promise.all(runIds.map((runId) => waitForRunEnd(runId)));

    const [timeline, comparison] = await Promise.all([admin.deployment.timeline(target), admin.deployment.comparison(target)]);
    const total = (arm: "stable" | "candidate") => timeline!.buckets.reduce((sum, bucket) => sum + bucket[arm].runs, 0);
    expect([total("stable"), total("candidate")]).toEqual([comparison!.numbers.stable.runs, comparison!.numbers.candidate.runs]);
    expect(total("stable") + total("candidate")).toBe(12);
    const filled = timeline!.buckets.filter((bucket) => bucket.stable.runs + bucket.candidate.runs > 0);
    for (const bucket of filled) {
      for (const point of [bucket.stable, bucket.candidate].filter((side) => side.runs > 0)) {
        expect(point.successRate).toBe(1);
        expect(point.p95Ms).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
