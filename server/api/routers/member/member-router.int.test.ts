import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { studioEvents, type TStudioEvents } from "../../../events/studio-events";
import { addMember, createTestUser, createWorkspaceWithMembers, signInAs } from "../../../testing/factories";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";

function recordMembershipEvents() {
  const seen: string[] = [];
  const stops = [
    studioEvents.on("membership.changed", (event: TStudioEvents["membership.changed"]) => seen.push(`${event.userId}:${event.role}`)),
    studioEvents.on("membership.removed", (event: TStudioEvents["membership.removed"]) => seen.push(`${event.userId}:removed`)),
  ];
  return { seen, stop: () => stops.forEach((stop) => stop()) };
}

describe("member.list", () => {
  it("shows each member's role, last activity (written at most once a minute) and how they sign in", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "viewer"]);
    const workspaceId = workspace.id;
    await db().user.update({ where: { id: members.viewer.id }, data: { passwordHash: "argon2-hash" } });
    await db().account.create({ data: { userId: members.viewer.id, type: "oidc", provider: "acme-sso", providerAccountId: "sub-1" } });
    const api = callerFor(members.owner);

    const listed = await api.member.list({ workspaceId });
    const owner = listed.find((member) => member.userId === members.owner.id)!;
    const viewer = listed.find((member) => member.userId === members.viewer.id)!;
    expect(owner.lastActiveAt).toBeInstanceOf(Date);
    expect(owner.signIn).toEqual({ hasPassword: false, providers: [] });
    expect(viewer).toMatchObject({ role: "viewer", lastActiveAt: null, signIn: { hasPassword: true, providers: ["acme-sso"] } });
    expect(JSON.stringify(listed)).not.toContain("argon2-hash");

    const first = owner.lastActiveAt!;
    await api.member.list({ workspaceId });
    const again = await api.member.list({ workspaceId });
    expect(again.find((member) => member.userId === members.owner.id)!.lastActiveAt).toEqual(first);
  });
});

describe("member.changeRole", () => {
  it("never grants above the caller's own role; only an owner grants or takes owner", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin", "editor", "viewer"]);
    const workspaceId = workspace.id;
    const admin = callerFor(members.admin);

    expect(await admin.member.changeRole({ workspaceId, userId: members.viewer.id, role: "editor" })).toEqual({ userId: members.viewer.id, role: "editor" });
    expect(await admin.member.changeRole({ workspaceId, userId: members.editor.id, role: "admin" })).toMatchObject({ role: "admin" });
    const grantOwner = await rejectionOf(admin.member.changeRole({ workspaceId, userId: members.viewer.id, role: "owner" }));
    expect(grantOwner.code).toBe("FORBIDDEN");
    expect(grantOwner.message).toContain("above your own");
    const demoteOwner = await rejectionOf(admin.member.changeRole({ workspaceId, userId: members.owner.id, role: "viewer" }));
    expect(demoteOwner.code).toBe("FORBIDDEN");
    expect(demoteOwner.message).toContain("Only an owner");
    expect((await rejectionOf(callerFor(members.viewer).member.changeRole({ workspaceId, userId: members.viewer.id, role: "admin" }))).code).toBe("FORBIDDEN");
    expect((await rejectionOf(admin.member.changeRole({ workspaceId, userId: "someone-else", role: "viewer" }))).code).toBe("NOT_FOUND");

    await callerFor(members.owner).member.changeRole({ workspaceId, userId: members.admin.id, role: "owner" });
    expect((await callerFor(members.admin).workspace.list())[0]).toMatchObject({ role: "owner" });
  });

  it("refuses to demote the last owner, and allows it once there is another", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin"]);
    const workspaceId = workspace.id;
    const owner = callerFor(members.owner);
    const lastOwner = await rejectionOf(owner.member.changeRole({ workspaceId, userId: members.owner.id, role: "admin" }));
    expect(lastOwner.code).toBe("CONFLICT");
    expect(lastOwner.message).toContain("at least one owner");

    await owner.member.changeRole({ workspaceId, userId: members.admin.id, role: "owner" });
    await owner.member.changeRole({ workspaceId, userId: members.owner.id, role: "editor" });
    expect(await db().membership.count({ where: { workspaceId, role: "owner" } })).toBe(1);
  });

  it("holds from the demoted member's very next call, and tells the sockets to re-check", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "editor"]);
    const workspaceId = workspace.id;
    const editor = callerFor(members.editor);
    const graph = await editor.graph.create({ workspaceId, name: "Mine" });
    const events = recordMembershipEvents();
    try {
      await callerFor(members.owner).member.changeRole({ workspaceId, userId: members.editor.id, role: "viewer" });
      expect(events.seen).toEqual([`${members.editor.id}:viewer`]);
    } finally {
      events.stop();
    }
    const refused = await rejectionOf(editor.graph.rename({ workspaceId, graphId: graph.id, name: "Still mine?" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toContain("(viewer)");
    expect(await editor.graph.get({ workspaceId, graphId: graph.id })).toMatchObject({ name: "Mine" });
  });
});

describe("member.remove and member.leave", () => {
  it("guards the last owner on removal and leave; an admin cannot remove an owner", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin", "viewer"]);
    const workspaceId = workspace.id;
    expect((await rejectionOf(callerFor(members.admin).member.remove({ workspaceId, userId: members.owner.id }))).code).toBe("FORBIDDEN");
    expect((await rejectionOf(callerFor(members.owner).member.remove({ workspaceId, userId: members.owner.id }))).code).toBe("CONFLICT");
    const leave = await rejectionOf(callerFor(members.owner).member.leave({ workspaceId }));
    expect(leave.code).toBe("CONFLICT");
    expect(leave.message).toContain("last owner cannot leave");

    await callerFor(members.viewer).member.leave({ workspaceId });
    expect((await rejectionOf(callerFor(members.viewer).graph.list({ workspaceId }))).code).toBe("NOT_FOUND");
    await callerFor(members.admin).member.leave({ workspaceId });
    expect((await callerFor(members.owner).member.list({ workspaceId })).map((member) => member.userId)).toEqual([members.owner.id]);
  });

  it("refuses a removed member's next call, revokes their keys and ends their sockets", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin"]);
    const workspaceId = workspace.id;
    await callerFor(members.admin).apiKey.create({ workspaceId, name: "ci", role: "editor" });
    const events = recordMembershipEvents();
    try {
      await callerFor(members.owner).member.remove({ workspaceId, userId: members.admin.id });
      expect(events.seen).toEqual([`${members.admin.id}:removed`]);
    } finally {
      events.stop();
    }
    expect((await rejectionOf(callerFor(members.admin).member.list({ workspaceId }))).code).toBe("NOT_FOUND");
    expect(await db().apiKey.count({ where: { workspaceId, revokedAt: null } })).toBe(0);
  });
});

describe("member.transferOwnership", () => {
  it("makes the member the owner and the caller an admin; only an owner can, and only to a member", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin", "editor"]);
    const workspaceId = workspace.id;
    const outsider = await createTestUser();
    expect((await rejectionOf(callerFor(members.admin).member.transferOwnership({ workspaceId, userId: members.editor.id }))).code).toBe("FORBIDDEN");
    expect((await rejectionOf(callerFor(members.owner).member.transferOwnership({ workspaceId, userId: outsider.id }))).code).toBe("NOT_FOUND");
    expect((await rejectionOf(callerFor(members.owner).member.transferOwnership({ workspaceId, userId: members.owner.id }))).code).toBe("BAD_REQUEST");

    const events = recordMembershipEvents();
    try {
      await callerFor(members.owner).member.transferOwnership({ workspaceId, userId: members.editor.id });
      expect(events.seen).toEqual([`${members.editor.id}:owner`, `${members.owner.id}:admin`]);
    } finally {
      events.stop();
    }
    const roles = Object.fromEntries((await callerFor(members.editor).member.list({ workspaceId })).map((member) => [member.userId, member.role]));
    expect(roles).toEqual({ [members.owner.id]: "admin", [members.admin.id]: "admin", [members.editor.id]: "owner" });
    expect((await rejectionOf(callerFor(members.owner).workspace.rename({ workspaceId, name: "Still mine" }))).code).toBe("FORBIDDEN");
  });

  it("keeps one owner when two owners demote each other at once", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const workspaceId = workspace.id;
    const second = await createTestUser();
    await addMember(workspaceId, second.id, "owner");
    const secondSession = await signInAs(second);
    const results = await Promise.allSettled([
      callerFor(members.owner).member.changeRole({ workspaceId, userId: second.id, role: "admin" }),
      callerFor(secondSession).member.changeRole({ workspaceId, userId: members.owner.id, role: "admin" }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db().membership.count({ where: { workspaceId, role: "owner" } })).toBe(1);
  });
});
