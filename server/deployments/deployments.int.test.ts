// Deployments end to end on a real Postgres and runtime: routing of deliveries by share, the deploy rule of the
// policy (refused and audited), and the rules rolling back a failing candidate on their own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createInnerContext } from "../api/trpc";
import { db } from "../db/client";
import { buildSpec } from "../runtime/testing/build-spec";
import { authenticateApiKey } from "../services/api-key/authenticate-api-key";
import { startWebhookRun } from "../services/trigger/start-webhook-run";
import { createWorkspaceWithMembers } from "../testing/factories";
import { startWorkspaceRuntime } from "../testing/start-workspace-runtime";
import { callerFor, rejectionOf } from "../testing/trpc-callers";
import { waitForRunEnd } from "../testing/wait-for-run-end";
import { createPublishedGraph, createTriggerGraphSpec, publishSpec } from "../triggers/testing/trigger-graphs";
import { routeDelivery } from "./route-delivery";

/** v2 of the trigger graph: the webhook's input goes to an HTTP call the egress guard refuses, so every run fails. */
const FAILING_SPEC = buildSpec(
  [{ id: "hook", type: "core/webhook" }, { id: "call", type: "core/http-request", config: { url: "http://127.0.0.1:9/nowhere" } }, { id: "received", type: "core/output", config: { name: "received" } }],
  ["hook.out->call.in", "call.out->received.in"],
);

async function setUp() {
  const { workspace, members } = await createWorkspaceWithMembers(["admin", "editor"]);
  const workspaceId = workspace.id;
  const admin = callerFor(members.admin);
  const { graphId } = await createPublishedGraph(admin, workspaceId, createTriggerGraphSpec());
  await publishSpec(admin, workspaceId, graphId, FAILING_SPEC);
  const trigger = await db().trigger.findFirstOrThrow({ where: { graphId, kind: "webhook" }, select: { id: true, workspaceId: true, graphId: true, nodeId: true, environmentId: true } });
  return { workspaceId, graphId, trigger, admin, editor: callerFor(members.editor), members };
}

describe("routing deliveries through an environment", () => {
  it("runs the latest published version in production until something is deployed there", async () => {
    const { trigger } = await setUp();
    const { runId } = await startWebhookRun(db(), { trigger, input: {}, idempotencyKey: "before-deploy", now: new Date() });
    const run = await db().run.findUniqueOrThrow({ where: { id: runId }, select: { graphVersion: { select: { number: true } }, deploymentId: true, environment: { select: { name: true } } } });
    expect(run).toEqual({ graphVersion: { number: 2 }, deploymentId: null, environment: { name: "production" } });
  });

  it("sends each delivery id to one version every time, and the share of 1,000 deliveries to the candidate", { timeout: 60_000 }, async () => {
    const { workspaceId, graphId, trigger, admin } = await setUp();
    await admin.deployment.deploy({ workspaceId, graphId, environment: "production", version: 1 });
    await admin.deployment.deploy({ workspaceId, graphId, environment: "production", version: 2, canary: { share: 30, minRuns: 1_000 } });

    const route = (deliveryId: string) => routeDelivery(db(), { graphId, environmentId: trigger.environmentId, deliveryId });
    const deliveryIds = Array.from({ length: 1_000 }, (_, index) => `delivery-${index}`);
    const first = await Promise.all(deliveryIds.map(route));
    const again = await Promise.all(deliveryIds.map(route));
    expect(again.map((routed) => routed.source)).toEqual(first.map((routed) => routed.source));
    const toCandidate = first.filter((routed) => routed.run.deploymentArm === "candidate");
    expect(toCandidate.every((routed) => routed.source.kind === "version" && routed.source.number === 2)).toBe(true);
    // 30 % of 1,000 is 300; the binomial standard deviation is about 14.5, so 4 of them either side.
    expect(toCandidate.length).toBeGreaterThan(240);
    expect(toCandidate.length).toBeLessThan(360);

    // A real delivery records its environment, deployment, arm and the version the route chose.
    const { runId } = await startWebhookRun(db(), { trigger, input: {}, idempotencyKey: "delivery-7", now: new Date() });
    const run = await db().run.findUniqueOrThrow({ where: { id: runId }, select: { graphVersion: { select: { number: true } }, deploymentArm: true, environmentId: true } });
    expect(run).toEqual({ graphVersion: { number: first[7]!.source.kind === "version" ? first[7]!.source.number : null }, deploymentArm: first[7]!.run.deploymentArm, environmentId: trigger.environmentId });
  });
});

describe("moving a trigger between environments", () => {
  it("keeps its URL, runs what the new environment deploys, and needs the deploy rule of both environments", async () => {
    const { workspaceId, graphId, trigger, admin, editor } = await setUp();
    const move = { workspaceId, graphId, nodeId: "hook", kind: "webhook" as const, environment: "staging" };
    expect((await rejectionOf(editor.deployment.moveTrigger(move))).message).toBe("Deploying to production needs the admin role or above (yours: editor)");
    await admin.trigger.createWebhookToken({ workspaceId, graphId, nodeId: "hook" });
    const tokenBefore = (await db().trigger.findUniqueOrThrow({ where: { id: trigger.id }, select: { tokenHash: true } })).tokenHash;
    expect(tokenBefore).toMatch(/^[0-9a-f]{64}$/);
    await expect(admin.deployment.moveTrigger(move)).resolves.toEqual({ nodeId: "hook", kind: "webhook", environment: "staging" });
    await editor.deployment.deploy({ workspaceId, graphId, environment: "staging", version: 1 });

    const moved = await db().trigger.findUniqueOrThrow({ where: { id: trigger.id }, select: { id: true, workspaceId: true, graphId: true, nodeId: true, environmentId: true, tokenHash: true } });
    expect(moved.tokenHash).toBe(tokenBefore);
    const { runId } = await startWebhookRun(db(), { trigger: moved, input: {}, idempotencyKey: "after-move", now: new Date() });
    const run = await db().run.findUniqueOrThrow({ where: { id: runId }, select: { graphVersion: { select: { number: true } }, environment: { select: { name: true } }, deploymentArm: true } });
    expect(run).toEqual({ graphVersion: { number: 1 }, environment: { name: "staging" }, deploymentArm: "stable" });
    const lanes = await editor.deployment.lanes({ workspaceId, graphId });
    expect(lanes.map((lane) => [lane.environment, lane.triggers.map((entry) => entry.nodeId)])).toEqual([["development", []], ["staging", ["hook"]], ["production", []]]);
  });
});

describe("runs an API key starts", () => {
  it("belong to the key's environment: its deployment decides what \"latest\" runs, a person's run stays on the latest", async () => {
    const { workspaceId, graphId, admin } = await setUp();
    await admin.deployment.deploy({ workspaceId, graphId, environment: "production", version: 1 });
    const { key } = await admin.apiKey.create({ workspaceId, name: "ci", role: "operator" });
    const asKey = createCaller(createInnerContext({ user: null, apiKey: await authenticateApiKey(db(), { key }) }));
    const byKey = await asKey.run.start({ workspaceId, graphId, version: "latest", startNodeId: "hook", input: {} });
    const byPerson = await admin.run.start({ workspaceId, graphId, version: "latest", startNodeId: "hook", input: {} });
    const versionOf = async (runId: string) => db().run.findUniqueOrThrow({ where: { id: runId }, select: { graphVersion: { select: { number: true } }, deploymentArm: true, environment: { select: { name: true } } } });
    expect(await versionOf(byKey.id)).toEqual({ graphVersion: { number: 1 }, deploymentArm: "stable", environment: { name: "production" } });
    expect(await versionOf(byPerson.id)).toEqual({ graphVersion: { number: 2 }, deploymentArm: null, environment: null });
  });
});

describe("who may deploy where", () => {
  it("lets an editor deploy to staging but refuses production with FORBIDDEN, and audits the refusal", async () => {
    const { workspaceId, graphId, editor, members } = await setUp();
    await expect(editor.deployment.deploy({ workspaceId, graphId, environment: "staging", version: 1 })).resolves.toMatchObject({ stableVersion: 1 });
    const refused = await rejectionOf(editor.deployment.deploy({ workspaceId, graphId, environment: "production", version: 1 }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toBe("Deploying to production needs the admin role or above (yours: editor)");
    const lanes = await editor.deployment.lanes({ workspaceId, graphId });
    expect(lanes.map((lane) => [lane.environment, lane.canDeploy, lane.deployment?.stable.number ?? null])).toEqual([
      ["development", true, null],
      ["staging", true, 1],
      ["production", false, null],
    ]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { chain: workspaceId, action: "deployment.deploy", actorId: members.editor.id }, orderBy: { seq: "desc" }, select: { outcome: true } });
    expect(audit.outcome).toBe("FORBIDDEN");
  });
});

describe("deciding by hand", () => {
  it("sets the share, promotes, rolls back to the version before, and says why when there is nothing to do", async () => {
    const { workspaceId, graphId, admin } = await setUp();
    const target = { workspaceId, graphId, environment: "production" };
    const stableOf = async () => (await admin.deployment.lanes({ workspaceId, graphId })).find((lane) => lane.environment === "production")?.deployment;
    expect((await rejectionOf(admin.deployment.deploy({ ...target, version: 2, canary: { share: 10 } }))).message).toBe("Nothing runs in production yet: deploy a stable version there before a canary");
    await admin.deployment.deploy({ ...target, version: 1 });
    expect((await rejectionOf(admin.deployment.deploy({ ...target, version: 1, canary: { share: 10 } }))).message).toBe("Version 1 is already the stable version in production");
    expect((await rejectionOf(admin.deployment.deploy({ ...target, version: 2, canary: { share: 60 } }))).code).toBe("BAD_REQUEST");
    await admin.deployment.deploy({ ...target, version: 2, canary: { share: 10 } });
    await admin.deployment.setShare({ ...target, share: 40 });
    expect(await stableOf()).toMatchObject({ stable: { number: 1 }, candidate: { number: 2 }, candidateShare: 40 });

    await admin.deployment.promote(target);
    expect(await stableOf()).toMatchObject({ stable: { number: 2 }, candidate: null, candidateShare: null });
    expect((await rejectionOf(admin.deployment.promote(target))).message).toBe("No canary runs in production: there is no candidate version");

    await admin.deployment.rollback(target);
    expect(await stableOf()).toMatchObject({ stable: { number: 1 }, candidate: null });
    expect((await rejectionOf(admin.deployment.rollback(target))).message).toBe("Version 1 is the only version deployed to production: there is nothing to roll back to");
    const history = await admin.deployment.history({ workspaceId, graphId, environment: "production" });
    expect(history.map((entry) => entry.kind)).toEqual(["rolled_back", "promoted", "share_changed", "canary_started", "deployed"]);
    expect(history[0]?.reason).toBe("back from version 2 to version 1");
  });
});

describe("the canary rules", () => {
  let runtime: ReturnType<typeof startWorkspaceRuntime>;
  beforeAll(() => {
    runtime = startWorkspaceRuntime();
  });
  afterAll(() => runtime.stop());

  it("roll back a candidate whose runs fail once it has the minimum runs, and no later delivery reaches it", { timeout: 120_000 }, async () => {
    const { workspaceId, graphId, trigger, admin } = await setUp();
    await admin.deployment.deploy({ workspaceId, graphId, environment: "production", version: 1 });
    await admin.deployment.deploy({ workspaceId, graphId, environment: "production", version: 2, canary: { share: 50, minRuns: 3, maxErrorRateIncrease: 0.1 } });

    let delivery = 0;
    const deliver = async () => {
      const { runId } = await startWebhookRun(db(), { trigger, input: { delivery }, idempotencyKey: `canary-${delivery++}`, now: new Date() });
      return waitForRunEnd(runId);
    };
    const isRolledBack = async () => (await db().deployment.findFirstOrThrow({ where: { graphId }, select: { candidateVersionId: true } })).candidateVersionId === null;
    while (!(await isRolledBack()) && delivery < 60) {
      await deliver();
      await expect.poll(async () => (await isRolledBack()) || (await lastRunEvaluated(graphId)), { timeout: 5_000 }).toBe(true);
    }

    const event = await db().deploymentEvent.findFirstOrThrow({ where: { deployment: { graphId }, kind: "rolled_back" }, select: { actorType: true, reason: true, numbers: true, createdAt: true } });
    const numbers = event.numbers as { candidate: { runs: number; failed: number; errorRate: number }; stable: { errorRate: number } };
    expect(event.actorType).toBe("rules");
    expect(event.reason).toMatch(/^version 2 rolled back: error rate 100\.0 %/);
    // Deliveries go one at a time and each waits for the rules: the third failed candidate run is the one that decides.
    expect(numbers.candidate.runs).toBe(3);
    expect(numbers.candidate.failed).toBe(numbers.candidate.runs);
    expect(numbers.stable.errorRate).toBe(0);

    const after = await Promise.all(Array.from({ length: 20 }, deliver));
    expect(after.map((run) => run.deploymentArm)).toEqual(Array.from({ length: 20 }, () => "stable"));
    expect(after.every((run) => run.status === "succeeded")).toBe(true);
    const history = await admin.deployment.history({ workspaceId, graphId });
    expect(history.map((entry) => [entry.kind, entry.actor])).toEqual([["rolled_back", "rules"], ["canary_started", expect.any(String)], ["deployed", expect.any(String)]]);
  });

  it("promote a healthy candidate once it has the minimum runs, and every later delivery runs it", { timeout: 120_000 }, async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin"]);
    const workspaceId = workspace.id;
    const admin = callerFor(members.admin);
    const { graphId } = await createPublishedGraph(admin, workspaceId, createTriggerGraphSpec());
    await publishSpec(admin, workspaceId, graphId, createTriggerGraphSpec({ outputName: "answered" }));
    const trigger = await db().trigger.findFirstOrThrow({ where: { graphId, kind: "webhook" }, select: { id: true, workspaceId: true, graphId: true, nodeId: true, environmentId: true } });
    await admin.deployment.deploy({ workspaceId, graphId, environment: "production", version: 1 });
    await admin.deployment.deploy({ workspaceId, graphId, environment: "production", version: 2, canary: { share: 50, minRuns: 2, autoPromote: true } });

    let delivery = 0;
    const deliver = async () => {
      const { runId } = await startWebhookRun(db(), { trigger, input: {}, idempotencyKey: `promote-${delivery++}`, now: new Date() });
      return waitForRunEnd(runId);
    };
    const stable = async () => db().deployment.findFirstOrThrow({ where: { graphId }, select: { candidateVersionId: true, stableVersion: { select: { number: true } } } });
    while ((await stable()).candidateVersionId !== null && delivery < 60) {
      await deliver();
      await expect.poll(async () => ((await stable()).candidateVersionId === null) || (await lastRunEvaluated(graphId)), { timeout: 5_000 }).toBe(true);
    }
    expect((await stable()).stableVersion.number).toBe(2);
    const event = await db().deploymentEvent.findFirstOrThrow({ where: { deployment: { graphId }, kind: "promoted" }, select: { actorType: true, reason: true, numbers: true } });
    expect(event.actorType).toBe("rules");
    expect(event.reason).toMatch(/^version 2 promoted: 2 candidate runs within the rules/);
    expect((event.numbers as { candidate: { runs: number; succeeded: number } }).candidate).toMatchObject({ runs: 2, succeeded: 2 });
    const after = await Promise.all(Array.from({ length: 10 }, deliver));
    expect(after.map((run) => [run.deploymentArm, run.output])).toEqual(Array.from({ length: 10 }, () => ["stable", { answered: {} }]));
  });
});

/** True once the newest finished run of the graph has been looked at: the rules had their say (or nothing was due). */
async function lastRunEvaluated(graphId: string): Promise<boolean> {
  const deployment = await db().deployment.findFirstOrThrow({ where: { graphId }, select: { candidateVersionId: true, minRuns: true, canaryStartedAt: true } });
  if (!deployment.candidateVersionId || !deployment.canaryStartedAt) return true;
  const candidateRuns = await db().run.count({ where: { graphId, deploymentArm: "candidate", graphVersionId: deployment.candidateVersionId, status: { in: ["succeeded", "failed", "cancelled"] } } });
  return candidateRuns < deployment.minRuns;
}
