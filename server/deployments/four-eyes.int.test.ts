// Four eyes on a real Postgres and runtime: in an environment that requires a second person's approval, a deploy or a
// promotion waits as a request until another member who may deploy there approves it; deliveries keep running what
// ran before until then. Every step is a deployment event and an audit entry.
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { startWebhookRun } from "../services/trigger/start-webhook-run";
import { addMember, createTestUser, createWorkspaceWithMembers, signInAs } from "../testing/factories";
import { callerFor, rejectionOf } from "../testing/trpc-callers";
import { createPublishedGraph, createTriggerGraphSpec, publishSpec } from "../triggers/testing/trigger-graphs";

async function setUp() {
  const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin", "editor"]);
  const workspaceId = workspace.id;
  const secondAdmin = await signInAs(await createTestUser());
  await addMember(workspaceId, secondAdmin.id, "admin");
  const admin = callerFor(members.admin);
  const { graphId } = await createPublishedGraph(admin, workspaceId, createTriggerGraphSpec());
  await publishSpec(admin, workspaceId, graphId, createTriggerGraphSpec({ outputName: "second" }));
  await callerFor(members.owner).environment.update({ workspaceId, environment: "production", requiresApproval: true });
  const trigger = await db().trigger.findFirstOrThrow({ where: { graphId, kind: "webhook" }, select: { id: true, workspaceId: true, graphId: true, nodeId: true, environmentId: true } });
  const versionOfNextDelivery = async (key: string) => {
    const { runId } = await startWebhookRun(db(), { trigger, input: {}, idempotencyKey: key, now: new Date() });
    return (await db().run.findUniqueOrThrow({ where: { id: runId }, select: { graphVersion: { select: { number: true } } } })).graphVersion?.number;
  };
  const target = { workspaceId, graphId, environment: "production" };
  return { workspaceId, graphId, target, admin, second: callerFor(secondAdmin), editor: callerFor(members.editor), members, secondAdmin, versionOfNextDelivery };
}

describe("a deploy to an environment that requires approval", () => {
  it("waits until a second admin approves it; the requester and an editor cannot", { timeout: 30_000 }, async () => {
    const { workspaceId, graphId, target, admin, second, editor, members, secondAdmin, versionOfNextDelivery } = await setUp();
    const asked = await admin.deployment.deploy({ ...target, version: 1 });
    expect(asked.pendingRequestId).toEqual(expect.any(String));
    const requestId = asked.pendingRequestId!;
    // Nothing changed: production runs the latest published version (2) as before.
    expect((await admin.deployment.lanes({ workspaceId, graphId })).find((lane) => lane.environment === "production")?.deployment).toBeNull();
    expect(await versionOfNextDelivery("before-approval")).toBe(2);

    const pending = await second.deployment.requests({ workspaceId, graphId });
    expect(pending).toMatchObject([{ id: requestId, environment: "production", action: "deploy", version: 1, isOwn: false, canApprove: true, canReject: true }]);
    expect((await admin.deployment.requests({ workspaceId, graphId }))[0]).toMatchObject({ isOwn: true, canApprove: false, canReject: true });
    expect((await editor.deployment.requests({ workspaceId, graphId }))[0]).toMatchObject({ canApprove: false, canReject: false });

    const own = await rejectionOf(admin.deployment.approve({ workspaceId, requestId }));
    expect([own.code, own.message]).toEqual(["FORBIDDEN", "A second person must approve this: you asked for it"]);
    const byEditor = await rejectionOf(editor.deployment.approve({ workspaceId, requestId }));
    expect([byEditor.code, byEditor.message]).toEqual(["FORBIDDEN", "Deploying to production needs the admin role or above (yours: editor)"]);
    const another = await rejectionOf(admin.deployment.deploy({ ...target, version: 2 }));
    expect([another.code, another.message]).toEqual(["CONFLICT", "A request for production already waits for approval: approve or reject it first"]);

    await expect(second.deployment.approve({ workspaceId, requestId })).resolves.toMatchObject({ status: "approved" });
    expect(await versionOfNextDelivery("after-approval")).toBe(1);
    const again = await rejectionOf(second.deployment.approve({ workspaceId, requestId }));
    expect([again.code, again.message]).toEqual(["CONFLICT", "This request was approved already"]);
    expect(await second.deployment.requests({ workspaceId, graphId })).toEqual([]);

    const history = await admin.deployment.history({ workspaceId, graphId });
    const requester = members.admin.name;
    expect(history.map((entry) => [entry.kind, entry.environment, entry.actor]).reverse()).toEqual([
      ["requested", "production", requester],
      ["deployed", "production", secondAdmin.name],
      ["approved", "production", secondAdmin.name],
    ]);
    const audit = await db().auditEvent.findMany({ where: { chain: workspaceId, action: { in: ["deployment.deploy", "deployment.approve"] } }, orderBy: { seq: "asc" }, select: { action: true, actorId: true, outcome: true } });
    expect(audit.map((entry) => [entry.action, entry.actorId, entry.outcome])).toEqual([
      ["deployment.deploy", members.admin.id, "ok"],
      ["deployment.approve", members.admin.id, "FORBIDDEN"],
      ["deployment.approve", members.editor.id, "FORBIDDEN"],
      ["deployment.deploy", members.admin.id, "CONFLICT"],
      ["deployment.approve", secondAdmin.id, "ok"],
      ["deployment.approve", secondAdmin.id, "CONFLICT"],
    ]);
  });

  it("holds a promotion until approved, and a rejected one changes nothing", { timeout: 30_000 }, async () => {
    const { workspaceId, graphId, target, admin, second, versionOfNextDelivery } = await setUp();
    await second.deployment.approve({ workspaceId, requestId: (await admin.deployment.deploy({ ...target, version: 1 })).pendingRequestId! });
    const canary = await admin.deployment.deploy({ ...target, version: 2, canary: { share: 50, minRuns: 1_000 } });
    await second.deployment.approve({ workspaceId, requestId: canary.pendingRequestId! });
    const lane = async () => (await admin.deployment.lanes({ workspaceId, graphId })).find((entry) => entry.environment === "production")!.deployment!;
    expect(await lane()).toMatchObject({ stable: { number: 1 }, candidate: { number: 2 }, candidateShare: 50 });

    const promotion = await second.deployment.promote(target);
    await expect(admin.deployment.reject({ workspaceId, requestId: promotion.pendingRequestId! })).resolves.toMatchObject({ status: "rejected" });
    expect(await lane()).toMatchObject({ stable: { number: 1 }, candidate: { number: 2 } });

    const withdrawn = await second.deployment.promote(target);
    await expect(second.deployment.reject({ workspaceId, requestId: withdrawn.pendingRequestId! })).resolves.toMatchObject({ status: "rejected" });
    const approved = await second.deployment.promote(target);
    await admin.deployment.approve({ workspaceId, requestId: approved.pendingRequestId! });
    expect(await lane()).toMatchObject({ stable: { number: 2 }, candidate: null });
    expect(await versionOfNextDelivery("after-promotion")).toBe(2);
    const reasons = (await admin.deployment.history({ workspaceId, graphId })).filter((entry) => entry.kind === "rejected").map((entry) => entry.reason);
    expect(reasons).toEqual(["promotion of version 2 withdrawn by its requester", "promotion of version 2 rejected"]);
  });

  it("applies at once again when the environment no longer requires approval; rollback never waits", async () => {
    const { workspaceId, target, admin, second, members } = await setUp();
    await second.deployment.approve({ workspaceId, requestId: (await admin.deployment.deploy({ ...target, version: 1 })).pendingRequestId! });
    await admin.deployment.deploy({ ...target, version: 2 }).then(({ pendingRequestId }) => second.deployment.approve({ workspaceId, requestId: pendingRequestId! }));
    await expect(admin.deployment.rollback(target)).resolves.toMatchObject({ stableVersion: 1 });
    await callerFor(members.owner).environment.update({ workspaceId, environment: "production", requiresApproval: false });
    await expect(admin.deployment.deploy({ ...target, version: 2 })).resolves.toMatchObject({ stableVersion: 2, pendingRequestId: null });
  });
});
