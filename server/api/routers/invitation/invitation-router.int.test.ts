import { describe, expect, it } from "vitest";
import { hashOneTimeToken } from "../../../auth/one-time-token";
import { verifyPassword } from "../../../auth/password";
import { db } from "../../../db/client";
import { createTestUser, createWorkspaceWithMembers, signInAs } from "../../../testing/factories";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";

const STRONG_PASSWORD = "velvet-otter-crosses-9-fjords";
const anonymous = () => callerFor(null);
const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);

async function inviteAs(user: Parameters<typeof callerFor>[0], workspaceId: string, email: string, role: "admin" | "editor" | "viewer" = "editor") {
  const created = await callerFor(user).invitation.create({ workspaceId, email, role });
  return { ...created, token: tokenOf(created.link) };
}

describe("invitation router", () => {
  it("issues a single-use link shown once, stores only its hash, lists it as pending, and says mail is off", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin"]);
    const created = await inviteAs(members.admin, workspace.id, " New.Person@Example.TEST ");

    expect(created.link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(created.mail).toEqual({ status: "not-configured" });
    expect(created.invitation).toMatchObject({ email: "new.person@example.test", role: "editor", state: "pending" });
    expect(created.invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3_600_000);
    const stored = await db().invitation.findUniqueOrThrow({ where: { id: created.invitation.id } });
    expect(stored.tokenHash).toBe(hashOneTimeToken(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token);
    const listed = await callerFor(members.owner).invitation.list({ workspaceId: workspace.id });
    expect(listed).toEqual([created.invitation]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
  });

  it("never invites above the inviter's role, and refuses members without members:manage", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin", "editor"]);
    const workspaceId = workspace.id;
    const refused = await rejectionOf(callerFor(members.admin).invitation.create({ workspaceId, email: "boss@example.test", role: "owner" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toContain("up to your own (admin)");
    expect((await callerFor(members.owner).invitation.create({ workspaceId, email: "boss@example.test", role: "owner" })).invitation.role).toBe("owner");
    expect((await rejectionOf(callerFor(members.editor).invitation.create({ workspaceId, email: "x@example.test", role: "viewer" }))).code).toBe("FORBIDDEN");
    expect((await rejectionOf(callerFor(members.editor).invitation.list({ workspaceId }))).code).toBe("FORBIDDEN");
  });

  it("lets a new person set a name and a password that passes the policy, join with the role, and sign in with it", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const email = `newcomer-${Date.now()}@example.test`;
    const { token } = await inviteAs(members.owner, workspace.id, email);

    const preview = await anonymous().invitation.preview({ token });
    expect(preview).toMatchObject({ signedInAs: null, invitation: { state: "pending", email, role: "editor", hasAccount: false, workspace: { slug: workspace.slug } } });

    const short = await rejectionOf(anonymous().invitation.acceptAsNewUser({ token, name: "Newcomer", password: "short" }));
    expect(short.code).toBe("BAD_REQUEST");
    expect(short.message).toBe("Use at least 12 characters (this one has 5).");
    const weak = await rejectionOf(anonymous().invitation.acceptAsNewUser({ token, name: "Newcomer", password: "password1234" }));
    expect(weak.message).toMatch(/^Too easy to guess\./);
    expect(await db().user.count({ where: { email } })).toBe(0);

    expect(await anonymous().invitation.acceptAsNewUser({ token, name: " Newcomer ", password: STRONG_PASSWORD })).toEqual({ workspaceSlug: workspace.slug, email });
    const user = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, passwordHash: true } });
    expect(user.name).toBe("Newcomer");
    expect(await verifyPassword(user.passwordHash!, STRONG_PASSWORD)).toBe(true);
    expect(await db().membership.findUnique({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } }, select: { role: true } })).toEqual({ role: "editor" });
  });

  it("is single use: a used link is refused and previews as accepted, and leaves no second account", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const email = `twice-${Date.now()}@example.test`;
    const { token } = await inviteAs(members.owner, workspace.id, email);
    await anonymous().invitation.acceptAsNewUser({ token, name: "First", password: STRONG_PASSWORD });

    const again = await rejectionOf(anonymous().invitation.acceptAsNewUser({ token, name: "Second", password: STRONG_PASSWORD }));
    expect(again.code).toBe("CONFLICT");
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    const reused = await rejectionOf(callerFor(await signInAs(user)).invitation.accept({ token }));
    expect(reused.code).toBe("CONFLICT");
    expect(reused.message).toBe("This invitation was already used.");
    expect((await anonymous().invitation.preview({ token })).invitation.state).toBe("accepted");
    expect(await callerFor(members.owner).invitation.list({ workspaceId: workspace.id })).toEqual([]);
  });

  it("refuses an expired link and a revoked one with a clear message; a garbled link previews as unknown", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const expired = await inviteAs(members.owner, workspace.id, "late@example.test");
    await db().invitation.update({ where: { id: expired.invitation.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const revoked = await inviteAs(members.owner, workspace.id, "gone@example.test");
    const afterRevoke = await callerFor(members.owner).invitation.revoke({ workspaceId: workspace.id, invitationId: revoked.invitation.id });
    expect(afterRevoke.state).toBe("revoked");

    expect((await anonymous().invitation.preview({ token: expired.token })).invitation.state).toBe("expired");
    expect((await anonymous().invitation.preview({ token: revoked.token })).invitation.state).toBe("revoked");
    const lateRefusal = await rejectionOf(anonymous().invitation.acceptAsNewUser({ token: expired.token, name: "Late", password: STRONG_PASSWORD }));
    expect([lateRefusal.code, lateRefusal.message]).toEqual(["CONFLICT", "This invitation has expired. Ask for a new one."]);
    const goneRefusal = await rejectionOf(anonymous().invitation.acceptAsNewUser({ token: revoked.token, name: "Gone", password: STRONG_PASSWORD }));
    expect([goneRefusal.code, goneRefusal.message]).toEqual(["CONFLICT", "This invitation was revoked."]);
    expect(await db().user.count({ where: { email: { in: ["late@example.test", "gone@example.test"] } } })).toBe(0);

    expect((await anonymous().invitation.preview({ token: "not-a-token" })).invitation).toEqual({ state: "unknown" });
    expect((await rejectionOf(anonymous().invitation.acceptAsNewUser({ token: "x".repeat(43), name: "X", password: STRONG_PASSWORD }))).code).toBe("NOT_FOUND");
    // The list keeps the expired one (marked) and drops the revoked one.
    expect((await callerFor(members.owner).invitation.list({ workspaceId: workspace.id })).map((i) => [i.email, i.state])).toEqual([["late@example.test", "expired"]]);
  });

  it("lets a signed-in user with the invited email join at once, and refuses one with another email", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const invited = await createTestUser();
    const stranger = await signInAs(await createTestUser());
    const { token } = await inviteAs(members.owner, workspace.id, invited.email, "viewer");

    expect((await callerFor(stranger).invitation.preview({ token })).signedInAs).toBe(stranger.email);
    const foreign = await rejectionOf(callerFor(stranger).invitation.accept({ token }));
    expect(foreign.code).toBe("FORBIDDEN");
    expect(foreign.message).toBe(`This invitation is for ${invited.email}; you are signed in as ${stranger.email}.`);
    expect((await anonymous().invitation.preview({ token })).invitation).toMatchObject({ state: "pending", hasAccount: true });
    expect((await rejectionOf(anonymous().invitation.acceptAsNewUser({ token, name: "Thief", password: STRONG_PASSWORD }))).code).toBe("CONFLICT");

    expect(await callerFor(await signInAs(invited)).invitation.accept({ token })).toEqual({ workspaceId: workspace.id, workspaceSlug: workspace.slug });
    const joined = await callerFor(await signInAs(invited)).workspace.list();
    expect(joined.find((w) => w.id === workspace.id)?.role).toBe("viewer");
  });

  it("refuses to invite a member, and re-inviting an email revokes its earlier link", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "viewer"]);
    const memberUser = await db().user.findUniqueOrThrow({ where: { id: members.viewer.id } });
    expect((await rejectionOf(inviteAs(members.owner, workspace.id, memberUser.email))).code).toBe("CONFLICT");

    const first = await inviteAs(members.owner, workspace.id, "again@example.test");
    const second = await inviteAs(members.owner, workspace.id, "again@example.test");
    expect((await anonymous().invitation.preview({ token: first.token })).invitation.state).toBe("revoked");
    expect((await callerFor(members.owner).invitation.list({ workspaceId: workspace.id })).map((i) => i.id)).toEqual([second.invitation.id]);
  });

  it("answers NOT_FOUND to another workspace's admin revoking", async () => {
    const ours = await createWorkspaceWithMembers(["owner"]);
    const theirs = await createWorkspaceWithMembers(["owner"]);
    const { invitation } = await inviteAs(theirs.members.owner, theirs.workspace.id, "theirs@example.test");
    const refused = await rejectionOf(callerFor(ours.members.owner).invitation.revoke({ workspaceId: ours.workspace.id, invitationId: invitation.id }));
    expect(refused.code).toBe("NOT_FOUND");
    expect((await anonymous().invitation.preview({ token: tokenOf(invitation.id) })).invitation.state).toBe("unknown");
  });
});

describe("invitations follow their sender's role", () => {
  it("revokes what a demoted sender could no longer grant, and all of a removed sender's", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin"]);
    const workspaceId = workspace.id;
    const forAdmin = await inviteAs(members.admin, workspaceId, "second.admin@example.test", "admin");
    const forEditor = await inviteAs(members.admin, workspaceId, "new.editor@example.test", "editor");
    const stateOf = async (token: string) => (await anonymous().invitation.preview({ token })).invitation?.state;

    await callerFor(members.owner).member.changeRole({ workspaceId, userId: members.admin.id, role: "editor" });
    expect(await stateOf(forAdmin.token)).toBe("revoked");
    expect(await stateOf(forEditor.token)).toBe("pending");

    await callerFor(members.owner).member.remove({ workspaceId, userId: members.admin.id });
    expect(await stateOf(forEditor.token)).toBe("revoked");
  });
});
