import { describe, expect, it } from "vitest";
import type { TRole } from "@/lib/auth/access-rights";
import { db } from "../db/client";
import { removeMember } from "../services/member/remove-member";
import { createApiKey } from "../services/api-key/create-api-key";
import { abilityOf, createWorkspaceWithMembers } from "../testing/factories";
import { createTestGraph, createTestRun } from "../testing/run-factories";
import { sessionCookieFor } from "../testing/session-cookie";
import { useTrpcHttpServer } from "../testing/trpc-http-server";

const trpcServer = useTrpcHttpServer();
const call = trpcServer.call;

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/** A workspace with an owner, one graph and a key of `role` made by a member of `creatorRole`. */
async function keyedWorkspace(role: TRole, options: { creatorRole?: TRole; limitToGraph?: boolean } = {}) {
  const creatorRole = options.creatorRole ?? "owner";
  const team = await createWorkspaceWithMembers(creatorRole === "owner" ? ["owner"] : ["owner", creatorRole]);
  const workspaceId = team.workspace.id;
  const creator = team.members[creatorRole as "owner"];
  const graph = await createTestGraph(workspaceId, { name: "Main" });
  const otherGraph = await createTestGraph(workspaceId, { name: "Other" });
  const { apiKey, key } = await createApiKey(db(), { workspaceId, actorId: creator.id, actorRole: creatorRole, actorAbility: abilityOf(creator.id, creatorRole), name: "script", role, graphIds: options.limitToGraph ? [graph.id] : undefined });
  return { ...team, workspaceId, creator, graph, otherGraph, apiKey, key };
}

describe("tRPC over HTTP with an API key", () => {
  it("acts in its workspace with its role's rights and nothing more", async () => {
    const { workspaceId, graph, key } = await keyedWorkspace("viewer");
    const auth = bearer(key);

    const listed = await call("query", "graph.list", { workspaceId }, auth);
    expect(listed.status).toBe(200);
    expect((listed.data as { name: string }[]).map((item) => item.name).sort()).toEqual(["Main", "Other"]);
    expect((await call("query", "graph.get", { workspaceId, graphId: graph.id }, auth)).data).toMatchObject({ id: graph.id });

    const start = await call("mutation", "run.start", { workspaceId, graphId: graph.id, input: { question: "hi" } }, auth);
    expect([start.status, start.error?.code]).toEqual([403, "FORBIDDEN"]);
    expect(start.error?.message).toBe("This API key's role (viewer) does not allow run:start");
    expect((await call("mutation", "graph.create", { workspaceId, name: "New" }, auth)).error?.code).toBe("FORBIDDEN");
    expect((await call("query", "secret.list", { workspaceId }, auth)).error?.code).toBe("FORBIDDEN");
  });

  it("starts and reads runs as an operator key, recorded as started by the key's creator", async () => {
    const { workspaceId, graph, creator, key } = await keyedWorkspace("operator");
    const started = await call("mutation", "run.start", { workspaceId, graphId: graph.id, input: { question: "hi" } }, bearer(key));
    expect(started.status).toBe(200);
    const runId = (started.data as { id: string }).id;
    expect((await call("query", "run.get", { workspaceId, runId }, bearer(key))).data).toMatchObject({ id: runId, status: "queued" });
    expect((await db().run.findUniqueOrThrow({ where: { id: runId } })).createdById).toBe(creator.id);
    expect((await call("mutation", "graph.rename", { workspaceId, graphId: graph.id, name: "Renamed" }, bearer(key))).error?.code).toBe("FORBIDDEN");
  });

  it("answers NOT_FOUND for any other workspace, even one its creator belongs to, and refuses user-only procedures", async () => {
    const { creator, key } = await keyedWorkspace("owner");
    const second = await createWorkspaceWithMembers(["viewer"]);
    await db().membership.create({ data: { workspaceId: second.workspace.id, userId: creator.id, role: "owner" } });
    const foreign = await call("query", "graph.list", { workspaceId: second.workspace.id }, bearer(key));
    expect([foreign.status, foreign.error]).toEqual([404, { code: "NOT_FOUND", message: "Workspace not found" }]);
    expect((await call("query", "workspace.list", undefined, bearer(key))).error?.code).toBe("FORBIDDEN");
  });

  it("limited to one graph: lists only it, and every other graph or run of the workspace is NOT_FOUND", async () => {
    const { workspaceId, graph, otherGraph, key } = await keyedWorkspace("editor", { limitToGraph: true });
    const auth = bearer(key);
    const ownRun = await createTestRun({ workspaceId, graphId: graph.id });
    const otherRun = await createTestRun({ workspaceId, graphId: otherGraph.id });

    expect((await call("query", "graph.list", { workspaceId }, auth)).data).toEqual([expect.objectContaining({ id: graph.id })]);
    expect((await call("query", "graph.get", { workspaceId, graphId: graph.id }, auth)).status).toBe(200);
    const missing = await call("query", "graph.get", { workspaceId, graphId: "no-such-graph" }, auth);
    const other = await call("query", "graph.get", { workspaceId, graphId: otherGraph.id }, auth);
    expect(other).toEqual(missing);
    expect(other.error?.code).toBe("NOT_FOUND");
    expect((await call("mutation", "run.start", { workspaceId, graphId: otherGraph.id, input: { question: "hi" } }, auth)).error?.code).toBe("NOT_FOUND");
    expect((await call("mutation", "run.start", { workspaceId, graphId: graph.id, input: { question: "hi" } }, auth)).status).toBe(200);

    for (const path of ["run.get", "run.steps", "run.events"]) {
      expect((await call("query", path, { workspaceId, runId: ownRun.id }, auth)).status).toBe(200);
      expect(await call("query", path, { workspaceId, runId: otherRun.id }, auth)).toEqual(await call("query", path, { workspaceId, runId: "no-such-run" }, auth));
    }
    const runs = (await call("query", "run.list", { workspaceId }, auth)).data as { items: { graphId: string }[] };
    expect(runs.items.length).toBe(2);
    expect(runs.items.every((item) => item.graphId === graph.id)).toBe(true);
    expect((await call("query", "run.list", { workspaceId, graphId: otherGraph.id }, auth)).error?.code).toBe("NOT_FOUND");
    expect((await call("query", "run.stats", { workspaceId }, auth)).data).toMatchObject({ totals: { runs: 2 } });
    expect((await call("mutation", "graph.create", { workspaceId, name: "Escape" }, auth)).error?.code).toBe("FORBIDDEN");
  });

  it("with scopes narrower than its role: what is left out is FORBIDDEN with the scope named", async () => {
    const team = await createWorkspaceWithMembers(["owner"]);
    const workspaceId = team.workspace.id;
    const graph = await createTestGraph(workspaceId, { name: "Main" });
    const { key } = await createApiKey(db(), { workspaceId, actorId: team.members.owner.id, actorRole: "owner", actorAbility: abilityOf(team.members.owner.id, "owner"), name: "reader", role: "editor", scopes: ["graph:read", "run:read"] });
    expect((await call("query", "graph.get", { workspaceId, graphId: graph.id }, bearer(key))).status).toBe(200);
    const refused = await call("mutation", "run.start", { workspaceId, graphId: graph.id, input: {} }, bearer(key));
    expect(refused.error).toEqual({ code: "FORBIDDEN", message: "This API key's scopes do not include run:start" });
  });

  it("answers a batch of up to 50 calls and refuses a bigger one with 400", async () => {
    const { workspaceId, key } = await keyedWorkspace("viewer");
    const batch = async (size: number) => {
      const paths = Array(size).fill("graph.list").join(",");
      const input = Object.fromEntries(Array.from({ length: size }, (_, index) => [index, { workspaceId }]));
      return fetch(`${trpcServer.base}/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`, { headers: bearer(key) });
    };
    const allowed = await batch(50);
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as unknown[]).length).toBe(50);
    expect((await batch(51)).status).toBe(400);
  });

  it("refuses the whole request with 401 for an unknown, malformed, revoked or expired key, even beside a valid session", async () => {
    const { workspaceId, apiKey, key, members } = await keyedWorkspace("viewer");
    const cookie = await sessionCookieFor(members.owner);
    const unknown = `ocs_00000000_${"A".repeat(43)}`;
    for (const token of [unknown, "not-a-key"]) {
      const reply = await call("query", "graph.list", { workspaceId }, { ...bearer(token), Cookie: cookie });
      expect([reply.status, reply.error?.code]).toEqual([401, "UNAUTHORIZED"]);
    }

    await db().apiKey.update({ where: { id: apiKey.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect((await call("query", "graph.list", { workspaceId }, bearer(key))).status).toBe(401);
    await db().apiKey.update({ where: { id: apiKey.id }, data: { expiresAt: null, revokedAt: new Date() } });
    expect((await call("query", "graph.list", { workspaceId }, bearer(key))).status).toBe(401);
    // The cookie alone still works: a refused key signs nobody out.
    expect((await call("query", "graph.list", { workspaceId }, { Cookie: cookie })).status).toBe(200);
  });

  it("follows its creator: capped at their current role, and dead once they leave the workspace", async () => {
    const { workspaceId, creator, key } = await keyedWorkspace("admin", { creatorRole: "admin" });
    expect((await call("query", "secret.listNames", { workspaceId }, bearer(key))).status).toBe(200);
    // Administering the workspace (secrets, plugins, egress, MCP commands, members) takes a signed-in member.
    expect((await call("query", "secret.list", { workspaceId }, bearer(key))).error?.message).toBe("Only a signed-in member can do this, not an API key");
    await db().membership.update({ where: { workspaceId_userId: { workspaceId, userId: creator.id } }, data: { role: "viewer" } });
    expect((await call("query", "secret.listNames", { workspaceId }, bearer(key))).error?.message).toBe("This API key's role (viewer) does not allow graph:update");
    await removeMember(db(), { workspaceId, actorRole: "owner", userId: creator.id });
    expect((await call("query", "graph.list", { workspaceId }, bearer(key))).status).toBe(401);
  });

  it("records when it was last used, writing at most once a minute", async () => {
    const { workspaceId, apiKey, key } = await keyedWorkspace("viewer");
    await call("query", "graph.list", { workspaceId }, bearer(key));
    const first = (await db().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await call("query", "graph.list", { workspaceId }, bearer(key));
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt).toEqual(first);

    const longAgo = new Date(Date.now() - 61_000);
    await db().apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: longAgo } });
    await call("query", "graph.list", { workspaceId }, bearer(key));
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt!.getTime()).toBeGreaterThan(longAgo.getTime());
  });
});
