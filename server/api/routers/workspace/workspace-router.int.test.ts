import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { studioEvents } from "../../../events/studio-events";
import { buildSpec } from "../../../runtime/testing/build-spec";
import { setMasterKey } from "../../../secrets/master-key";
import { addEgressRule } from "../../../services/egress/add-egress-rule";
import { startRun } from "../../../services/run/start-run";
import { createTestUser, createWorkspaceWithMembers, signInAs, uniqueSuffix } from "../../../testing/factories";
import { createTestGraph, createTestRun } from "../../../testing/run-factories";
import { startWorkspaceRuntime } from "../../../testing/start-workspace-runtime";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";

async function signedInUser() {
  return signInAs(await createTestUser());
}

describe("workspace.create", () => {
  it("makes the caller the owner, and lists it among their workspaces with the owner's scopes", async () => {
    const api = callerFor(await signedInUser());
    const slug = `team-${uniqueSuffix()}`;
    const created = await api.workspace.create({ name: "  Team A  ", slug });
    expect(created).toMatchObject({ slug, name: "Team A", role: "owner" });
    const listed = await api.workspace.list();
    expect(listed.map((workspace) => workspace.slug)).toEqual([slug]);
    expect(listed[0]!.scopes).toContain("workspace:manage");
    expect(await api.member.list({ workspaceId: created.id })).toMatchObject([{ role: "owner" }]);
  });

  it("refuses invalid and reserved slugs, names it cannot show, and a taken slug with a CONFLICT naming it", async () => {
    const api = callerFor(await signedInUser());
    for (const [slug, message] of [["ab", "at least 3"], ["Team_A", "lowercase letters"], ["settings", "reserved"], ["-x-", "lowercase"]] as const) {
      const refused = await rejectionOf(api.workspace.create({ name: "Team", slug }));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.message).toContain(message);
    }
    expect((await rejectionOf(api.workspace.create({ name: "<b>x</b>", slug: `ok-${uniqueSuffix()}` }))).code).toBe("BAD_REQUEST");
    expect((await rejectionOf(api.workspace.create({ name: " ", slug: `ok-${uniqueSuffix()}` }))).message).toContain("needs a name");

    const slug = `taken-${uniqueSuffix()}`;
    await callerFor(await signedInUser()).workspace.create({ name: "First", slug });
    const taken = await rejectionOf(api.workspace.create({ name: "Second", slug }));
    expect(taken.code).toBe("CONFLICT");
    expect(taken.message).toContain(`“${slug}”`);
    expect(await api.workspace.list()).toEqual([]);
  });
});

describe("workspace.rename", () => {
  it("lets an owner rename and move the slug, never onto a taken slug; an admin cannot", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin"]);
    const workspaceId = workspace.id;
    const owner = callerFor(members.owner);
    const slug = `renamed-${uniqueSuffix()}`;
    expect(await owner.workspace.rename({ workspaceId, name: "Renamed", slug })).toEqual({ id: workspaceId, name: "Renamed", slug });
    expect(await owner.workspace.rename({ workspaceId, name: "Only the name" })).toMatchObject({ name: "Only the name", slug });

    const other = await createWorkspaceWithMembers(["owner"]);
    const taken = await rejectionOf(owner.workspace.rename({ workspaceId, name: "X", slug: other.workspace.slug }));
    expect(taken.code).toBe("CONFLICT");
    expect(taken.message).toContain(other.workspace.slug);
    expect((await rejectionOf(owner.workspace.rename({ workspaceId, name: "X", slug: "new" }))).message).toContain("reserved");

    expect((await rejectionOf(callerFor(members.admin).workspace.rename({ workspaceId, name: "Mine now" }))).code).toBe("FORBIDDEN");
    expect((await rejectionOf(callerFor(other.members.owner).workspace.rename({ workspaceId, name: "Mine now" }))).code).toBe("NOT_FOUND");
  });
});

describe("workspace.delete", () => {
  let runtime: ReturnType<typeof startWorkspaceRuntime>;
  let stopCancelling: () => void;
  let hanging: Server;
  let hangingUrl: string;
  const aborted: string[] = [];
  const received: string[] = [];

  beforeAll(async () => {
    setMasterKey(randomBytes(32));
    // Answers nothing: an HTTP Request node calling it runs until the engine aborts it.
    hanging = createServer((request) => {
      received.push(request.url ?? "");
      request.socket.once("close", () => aborted.push(request.url ?? ""));
    });
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    runtime = startWorkspaceRuntime();
    stopCancelling = studioEvents.on("run.cancel_requested", ({ runId }) => {
      if (!runtime.runtime.cancelLocally(runId)) runtime.runtime.wake();
    });
  });

  afterAll(async () => {
    stopCancelling();
    await runtime.stop();
    hanging.closeAllConnections();
    await new Promise<void>((resolve) => hanging.close(() => resolve()));
  });

  it("needs the owner and the typed name", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin"]);
    const workspaceId = workspace.id;
    expect((await rejectionOf(callerFor(members.admin).workspace.delete({ workspaceId, confirmName: "x" }))).code).toBe("FORBIDDEN");
    const wrong = await rejectionOf(callerFor(members.owner).workspace.delete({ workspaceId, confirmName: "something else" }));
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(wrong.message).toContain("to confirm");
    expect(await db().workspace.count({ where: { id: workspaceId } })).toBe(1);
  });

  it("cancels a running run (its HTTP call is aborted), then removes every row of the workspace and nothing of another", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "editor"]);
    const workspaceId = workspace.id;
    const owner = callerFor(members.owner);
    const other = await createWorkspaceWithMembers(["owner"]);
    const otherGraph = await createTestGraph(other.workspace.id, { versions: 1 });
    const otherRun = await createTestRun({ workspaceId: other.workspace.id, graphId: otherGraph.id });

    await addEgressRule(db(), { workspaceId, actorId: members.owner.id, host: new URL(hangingUrl).host });
    const path = `/hang-${uniqueSuffix()}`;
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "call", type: "core/http-request", config: { method: "POST", url: `${hangingUrl}${path}`, body: "{{input}}" } }, { id: "out", type: "core/output" }],
      ["in.out->call.in", "call.out->out.in"],
    );
    const graph = await owner.graph.create({ workspaceId, name: "Hangs", spec });
    await owner.graph.publishVersion({ workspaceId, graphId: graph.id, draftRevision: 1, message: "v1" });
    const running = await startRun(db(), { workspaceId, graphId: graph.id, actorId: members.owner.id, source: { kind: "draft" }, input: { a: 1 } });
    await expect.poll(() => received.includes(path), { timeout: 10_000 }).toBe(true);
    const finished = await createTestRun({ workspaceId, graphId: graph.id }, { status: "failed" });
    await db().runEvent.create({ data: { runId: finished.id, seq: 1, type: "run.failed", payload: {} } });
    await owner.secret.create({ workspaceId, name: "TOKEN", value: "a-secret-value-123" });
    await owner.apiKey.create({ workspaceId, name: "ci", role: "viewer" });
    await db().trigger.create({ data: { workspaceId, graphId: graph.id, nodeId: "in", kind: "webhook", tokenHash: `hash-${uniqueSuffix()}` } });

    const { name } = await db().workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { name: true } });
    await owner.workspace.delete({ workspaceId, confirmName: name });

    expect(aborted).toContain(path);
    const where = { workspaceId };
    const counts = await Promise.all([
      db().workspace.count({ where: { id: workspaceId } }),
      db().membership.count({ where }),
      db().graph.count({ where }),
      db().graphVersion.count({ where: { graphId: graph.id } }),
      db().run.count({ where }),
      db().runStep.count({ where: { runId: { in: [running.id, finished.id] } } }),
      db().runEvent.count({ where: { runId: { in: [running.id, finished.id] } } }),
      db().secret.count({ where }),
      db().apiKey.count({ where }),
      db().trigger.count({ where }),
      db().egressRule.count({ where }),
    ]);
    expect(counts).toEqual(counts.map(() => 0));
    expect(await db().run.findUnique({ where: { id: otherRun.id }, select: { status: true } })).toEqual({ status: "succeeded" });
    expect(await db().graphVersion.count({ where: { graphId: otherGraph.id } })).toBe(1);
    expect(await callerFor(members.editor).workspace.list()).toEqual([]);
    expect((await rejectionOf(owner.graph.list({ workspaceId }))).code).toBe("NOT_FOUND");
  });
});
