import { describe, expect, it } from "vitest";
import { ACCESS_RIGHTS } from "@/lib/auth/access-rights";
import { db } from "../../../db/client";
import { authenticateApiKey } from "../../../services/api-key/authenticate-api-key";
import { hashApiKey } from "../../../services/api-key/api-key-token";
import { createWorkspaceWithMembers } from "../../../testing/factories";
import { createTestGraph } from "../../../testing/run-factories";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";
import { createCaller } from "../../root";
import { createInnerContext } from "../../trpc";

describe("apiKey router", () => {
  it("lets an admin issue a key, shown once, then listed by prefix with its role and never its secret", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin"]);
    const workspaceId = workspace.id;
    const graph = await createTestGraph(workspaceId, { name: "Support bot" });
    const expiresAt = new Date(Date.now() + 7 * 24 * 3_600_000);

    const created = await callerFor(members.admin).apiKey.create({ workspaceId, name: " CI deploys ", role: "editor", graphIds: [graph.id], expiresAt: expiresAt.toISOString() });

    expect(created.key).toMatch(new RegExp(`^ocs_${created.apiKey.prefix}_[A-Za-z0-9_-]{43}$`));
    expect(created.apiKey).toMatchObject({ name: "CI deploys", role: "editor", scopes: [...ACCESS_RIGHTS.editor], graphs: [{ id: graph.id, name: "Support bot" }], expiresAt, lastUsedAt: null, revokedAt: null });
    const stored = await db().apiKey.findUniqueOrThrow({ where: { id: created.apiKey.id } });
    expect(stored.hash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(stored)).not.toContain(created.key.slice(13));

    const listed = await callerFor(members.owner).apiKey.list({ workspaceId });
    expect(listed).toEqual([created.apiKey]);
    expect(JSON.stringify(listed)).not.toContain(created.key.slice(13));
    expect(JSON.stringify(listed)).not.toContain(stored.hash);
  });

  it("refuses editors and below, and answers NOT_FOUND to other workspaces' admins", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor", "operator", "viewer"]);
    const other = await createWorkspaceWithMembers(["owner"]);
    const workspaceId = workspace.id;
    for (const member of [members.editor, members.operator, members.viewer]) {
      expect((await rejectionOf(callerFor(member).apiKey.create({ workspaceId, name: "mine", role: "viewer" }))).code).toBe("FORBIDDEN");
      expect((await rejectionOf(callerFor(member).apiKey.list({ workspaceId }))).code).toBe("FORBIDDEN");
    }
    expect((await rejectionOf(callerFor(other.members.owner).apiKey.list({ workspaceId }))).code).toBe("NOT_FOUND");
  });

  it("never issues a key above its creator's role: an admin cannot make an owner key, an owner can", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin"]);
    const workspaceId = workspace.id;
    const refused = await rejectionOf(callerFor(members.admin).apiKey.create({ workspaceId, name: "root", role: "owner" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toContain("above your own (admin)");
    expect((await callerFor(members.admin).apiKey.create({ workspaceId, name: "admin key", role: "admin" })).apiKey.role).toBe("admin");
    expect((await callerFor(members.owner).apiKey.create({ workspaceId, name: "root", role: "owner" })).apiKey.role).toBe("owner");
    expect(await db().apiKey.count({ where: { workspaceId } })).toBe(2);
  });

  it("refuses another workspace's graph and an expiry in the past", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin"]);
    const foreignGraph = await createTestGraph((await createWorkspaceWithMembers(["owner"])).workspace.id);
    const api = callerFor(members.admin);
    const workspaceId = workspace.id;
    expect((await rejectionOf(api.apiKey.create({ workspaceId, name: "k", role: "viewer", graphIds: [foreignGraph.id] }))).code).toBe("NOT_FOUND");
    expect((await rejectionOf(api.apiKey.create({ workspaceId, name: "k", role: "viewer", expiresAt: new Date(Date.now() - 1_000).toISOString() }))).code).toBe("BAD_REQUEST");
    expect((await rejectionOf(api.apiKey.create({ workspaceId, name: "   ", role: "viewer" }))).code).toBe("BAD_REQUEST");
  });

  it("keeps a key's scopes within its role, and names only the graphs the viewer sees", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin"]);
    const workspaceId = workspace.id;
    const hidden = await createTestGraph(workspaceId, { name: "Payroll" });
    await db().graph.update({ where: { id: hidden.id }, data: { isRestricted: true } });
    const open = await createTestGraph(workspaceId, { name: "Support" });

    const aboveRole = await rejectionOf(callerFor(members.admin).apiKey.create({ workspaceId, name: "k", role: "viewer", scopes: ["graph:read", "run:start"] }));
    expect(aboveRole.code).toBe("BAD_REQUEST");
    expect(aboveRole.message).toContain("run:start");
    expect((await rejectionOf(callerFor(members.admin).apiKey.create({ workspaceId, name: "k", role: "viewer", graphIds: [hidden.id] }))).code).toBe("NOT_FOUND");

    const created = await callerFor(members.owner).apiKey.create({ workspaceId, name: "reader", role: "viewer", scopes: ["graph:read", "run:read"], graphIds: [hidden.id, open.id] });
    expect(created.apiKey.scopes).toEqual(["graph:read", "run:read"]);
    const seenByAdmin = (await callerFor(members.admin).apiKey.list({ workspaceId }))[0]!;
    expect(seenByAdmin.graphs).toEqual([{ id: hidden.id, name: null }, { id: open.id, name: "Support" }]);
  });

  it("revokes a key: it stops authenticating and stays listed with its revocation time", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin"]);
    const workspaceId = workspace.id;
    const api = callerFor(members.admin);
    const { apiKey, key } = await api.apiKey.create({ workspaceId, name: "old", role: "viewer" });
    expect(await authenticateApiKey(db(), { key })).not.toBeNull();

    const revoked = await api.apiKey.revoke({ workspaceId, apiKeyId: apiKey.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await authenticateApiKey(db(), { key })).toBeNull();
    expect((await api.apiKey.list({ workspaceId }))[0]!.revokedAt).toEqual(revoked.revokedAt);
    // Revoking again keeps the first time.
    expect((await api.apiKey.revoke({ workspaceId, apiKeyId: apiKey.id })).revokedAt).toEqual(revoked.revokedAt);
  });

  it("answers NOT_FOUND for a key of another workspace, and leaves it working", async () => {
    const ours = await createWorkspaceWithMembers(["admin"]);
    const theirs = await createWorkspaceWithMembers(["admin"]);
    const { apiKey, key } = await callerFor(theirs.members.admin).apiKey.create({ workspaceId: theirs.workspace.id, name: "theirs", role: "viewer" });
    const refused = await rejectionOf(callerFor(ours.members.admin).apiKey.revoke({ workspaceId: ours.workspace.id, apiKeyId: apiKey.id }));
    expect(refused.code).toBe("NOT_FOUND");
    expect(await authenticateApiKey(db(), { key })).not.toBeNull();
  });

  it("is not reachable with a key, even an owner's: a leaked key cannot issue itself successors", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const workspaceId = workspace.id;
    const { key } = await callerFor(members.owner).apiKey.create({ workspaceId, name: "root", role: "owner" });
    const asKey = createCaller(createInnerContext({ user: null, apiKey: await authenticateApiKey(db(), { key }) }));
    expect((await rejectionOf(asKey.apiKey.create({ workspaceId, name: "next", role: "owner" }))).code).toBe("FORBIDDEN");
    expect((await rejectionOf(asKey.apiKey.list({ workspaceId }))).code).toBe("FORBIDDEN");
  });
});
