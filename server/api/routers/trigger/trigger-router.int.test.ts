import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { createPublishedGraph, createTriggerGraphSpec, publishSpec } from "../../../triggers/testing/trigger-graphs";
import { createWorkspaceWithMembers } from "../../../testing/factories";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";

describe("trigger rows follow the published version", () => {
  it("a draft has no triggers; publish creates them, a changed cron moves the next tick, a removed node disables its row", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const workspaceId = workspace.id;
    const api = callerFor(members.editor);
    const draftOnly = await api.graph.create({ workspaceId, name: "Draft", spec: createTriggerGraphSpec({ cron: "0 * * * *" }) });
    expect(await api.trigger.list({ workspaceId, graphId: draftOnly.id })).toEqual([]);

    const { graphId } = await createPublishedGraph(api, workspaceId, createTriggerGraphSpec({ cron: "0 * * * *", timezone: "Asia/Kolkata" }));
    const published = await api.trigger.list({ workspaceId, graphId });
    expect(published).toMatchObject([
      { kind: "webhook", nodeId: "hook", isEnabled: true, hasToken: false, nextFireAt: null },
      { kind: "schedule", nodeId: "tick", isEnabled: true, cron: "0 * * * *", timezone: "Asia/Kolkata" },
    ]);
    // India is UTC+05:30: "minute 0" there is minute 30 in UTC.
    const firstTick = published[1]!.nextFireAt!;
    expect([firstTick.getUTCMinutes(), firstTick > new Date()]).toEqual([30, true]);

    await publishSpec(api, workspaceId, graphId, createTriggerGraphSpec({ cron: "15 * * * *", timezone: "Asia/Kolkata" }));
    const changed = (await api.trigger.list({ workspaceId, graphId }))[1]!;
    expect([changed.cron, changed.nextFireAt!.getUTCMinutes()]).toEqual(["15 * * * *", 45]);

    await publishSpec(api, workspaceId, graphId, createTriggerGraphSpec());
    expect(await api.trigger.list({ workspaceId, graphId })).toMatchObject([
      { kind: "webhook", isEnabled: true },
      { kind: "schedule", isEnabled: false, nextFireAt: null },
    ]);
    expect(await db().trigger.count({ where: { graphId } })).toBe(2);
  });

  it("refuses to publish an invalid schedule, naming the node, and changes nothing", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const workspaceId = workspace.id;
    const api = callerFor(members.editor);
    const { graphId } = await createPublishedGraph(api, workspaceId, createTriggerGraphSpec());

    const zoneSpec = createTriggerGraphSpec({ cron: "0 3 * * *", timezone: "Europe/Atlantis" });
    const zoneMessage = 'Schedule "Every so often": "Europe/Atlantis" is not an IANA time zone (e.g. Europe/Berlin, UTC)';
    const unconfirmed = await rejectionOf(publishSpec(api, workspaceId, graphId, zoneSpec));
    expect(unconfirmed.code).toBe("CONFLICT");
    expect(unconfirmed.message).toContain("Every so often");
    expect(unconfirmed.message).toContain('"Europe/Atlantis" is not an IANA time zone');
    // Accepting the draft's problems cannot make a schedule that has no next tick.
    const badZone = await rejectionOf(publishSpec(api, workspaceId, graphId, zoneSpec, { acceptProblems: true }));
    expect(badZone.code).toBe("BAD_REQUEST");
    expect(badZone.message).toBe(zoneMessage);
    const badCron = await rejectionOf(publishSpec(api, workspaceId, graphId, createTriggerGraphSpec({ cron: "0 3 * *" }), { acceptProblems: true }));
    expect(badCron.message).toContain("is not a valid cron expression");
    expect((await api.graph.listVersions({ workspaceId, graphId })).map((version) => version.number)).toEqual([1]);
    expect((await api.trigger.list({ workspaceId, graphId })).map((trigger) => trigger.kind)).toEqual(["webhook"]);
  });
});

describe("webhook tokens", () => {
  it("shows a token once, keeps only its sha256 and hint, refuses a second create, and rotation replaces it", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor", "viewer"]);
    const workspaceId = workspace.id;
    const api = callerFor(members.editor);
    const { graphId } = await createPublishedGraph(api, workspaceId, createTriggerGraphSpec());

    const issued = await api.trigger.createWebhookToken({ workspaceId, graphId, nodeId: "hook" });
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued.url).toMatch(new RegExp(`/api/hooks/${issued.token}$`));
    expect(issued.tokenHint).toBe(issued.token.slice(-4));

    const row = await db().trigger.findFirstOrThrow({ where: { graphId, kind: "webhook" } });
    expect(row.tokenHash).toBe(createHash("sha256").update(issued.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(issued.token);
    const listed = await callerFor(members.viewer).trigger.list({ workspaceId, graphId });
    expect(listed[0]).toMatchObject({ hasToken: true, tokenHint: issued.tokenHint, isEnabled: true });
    expect(JSON.stringify(listed)).not.toContain(issued.token);

    expect((await rejectionOf(api.trigger.createWebhookToken({ workspaceId, graphId, nodeId: "hook" }))).code).toBe("CONFLICT");
    const rotated = await api.trigger.rotateWebhookToken({ workspaceId, graphId, nodeId: "hook" });
    expect(rotated.token).not.toBe(issued.token);
    expect((await db().trigger.findUniqueOrThrow({ where: { id: row.id } })).tokenHash).toBe(createHash("sha256").update(rotated.token).digest("hex"));
  });

  it("a token made for a draft node works only once the node is published", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const workspaceId = workspace.id;
    const api = callerFor(members.editor);
    const graph = await api.graph.create({ workspaceId, name: "Not yet", spec: createTriggerGraphSpec() });

    await api.trigger.createWebhookToken({ workspaceId, graphId: graph.id, nodeId: "hook" });
    expect(await api.trigger.list({ workspaceId, graphId: graph.id })).toMatchObject([{ kind: "webhook", isEnabled: false, hasToken: true }]);
    await api.graph.publishVersion({ workspaceId, graphId: graph.id, draftRevision: graph.draftRevision });
    expect(await api.trigger.list({ workspaceId, graphId: graph.id })).toMatchObject([{ kind: "webhook", isEnabled: true, hasToken: true }]);
  });

  it("is for editors of the workspace, on webhook nodes only", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor", "operator"]);
    const workspaceId = workspace.id;
    const { graphId } = await createPublishedGraph(callerFor(members.editor), workspaceId, createTriggerGraphSpec());
    const other = await createWorkspaceWithMembers(["owner"]);

    expect((await rejectionOf(callerFor(members.operator).trigger.createWebhookToken({ workspaceId, graphId, nodeId: "hook" }))).code).toBe("FORBIDDEN");
    const foreign = await rejectionOf(callerFor(other.members.owner).trigger.createWebhookToken({ workspaceId: other.workspace.id, graphId, nodeId: "hook" }));
    expect(foreign.code).toBe("NOT_FOUND");
    expect((await rejectionOf(callerFor(members.editor).trigger.createWebhookToken({ workspaceId, graphId, nodeId: "received" }))).code).toBe("NOT_FOUND");
    expect((await rejectionOf(callerFor(members.editor).trigger.rotateWebhookToken({ workspaceId, graphId, nodeId: "hook" }))).code).toBe("NOT_FOUND");
    expect(await db().trigger.count({ where: { graphId, tokenHash: { not: null } } })).toBe(0);
  });
});
