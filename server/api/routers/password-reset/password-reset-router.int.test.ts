import { describe, expect, it } from "vitest";
import { hashOneTimeToken } from "../../../auth/one-time-token";
import { verifyPassword } from "../../../auth/password";
import { db } from "../../../db/client";
import { addMember, createTestUser, createWorkspaceWithMembers, signInAs } from "../../../testing/factories";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";

const NEW_PASSWORD = "copper-heron-naps-on-7-piers";
const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);

describe("passwordReset router", () => {
  it("issues a one-time link for a member, shown once; it sets the password once and ends all their sessions", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin", "editor"]);
    await signInAs(members.editor);
    const issued = await callerFor(members.admin).passwordReset.issue({ workspaceId: workspace.id, userId: members.editor.id });
    expect(issued.link).toMatch(/\/reset\/[A-Za-z0-9_-]{43}$/);
    expect(issued.email).toBe(members.editor.email);
    const token = tokenOf(issued.link);
    const stored = await db().passwordResetToken.findFirstOrThrow({ where: { userId: members.editor.id } });
    expect(stored.tokenHash).toBe(hashOneTimeToken(token));

    const anonymous = callerFor(null).passwordReset;
    expect(await anonymous.preview({ token })).toEqual({ state: "valid", email: members.editor.email });
    const weak = await rejectionOf(anonymous.complete({ token, password: "password1234" }));
    expect(weak.message).toMatch(/^Too easy to guess\./);

    expect(await anonymous.complete({ token, password: NEW_PASSWORD })).toEqual({ email: members.editor.email });
    const user = await db().user.findUniqueOrThrow({ where: { id: members.editor.id }, select: { passwordHash: true } });
    expect(await verifyPassword(user.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(await db().session.count({ where: { userId: members.editor.id } })).toBe(0);

    const reused = await rejectionOf(anonymous.complete({ token, password: "another-fine-passphrase-42" }));
    expect([reused.code, reused.message]).toEqual(["CONFLICT", "This reset link was already used. Ask an admin for a new one."]);
    expect((await anonymous.preview({ token })).state).toBe("used");
  });

  it("refuses an expired link, and a new link ends the earlier one", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "viewer"]);
    const issue = () => callerFor(members.owner).passwordReset.issue({ workspaceId: workspace.id, userId: members.viewer.id });
    const first = tokenOf((await issue()).link);
    const second = tokenOf((await issue()).link);
    expect((await callerFor(null).passwordReset.preview({ token: first })).state).toBe("expired");
    await db().passwordResetToken.updateMany({ where: { tokenHash: hashOneTimeToken(second) }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const late = await rejectionOf(callerFor(null).passwordReset.complete({ token: second, password: NEW_PASSWORD }));
    expect([late.code, late.message]).toEqual(["CONFLICT", "This reset link has expired. Ask an admin for a new one."]);
    expect(await callerFor(null).passwordReset.preview({ token: "garbled" })).toEqual({ state: "unknown" });
  });

  it("is only for members the admin can manage in every workspace they belong to", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin", "editor"]);
    const workspaceId = workspace.id;
    const asAdmin = callerFor(members.admin).passwordReset;
    // An owner here is above an admin.
    expect((await rejectionOf(asAdmin.issue({ workspaceId, userId: members.owner.id }))).code).toBe("FORBIDDEN");
    // The editor owns another workspace the admin has no say in: the password guards that one too.
    const elsewhere = await createWorkspaceWithMembers(["owner"]);
    await addMember(elsewhere.workspace.id, members.editor.id, "owner");
    const refused = await rejectionOf(asAdmin.issue({ workspaceId, userId: members.editor.id }));
    expect(refused.message).toContain("roles beyond yours");
    // Editors cannot issue at all; strangers get NOT_FOUND; nobody resets their own here.
    expect((await rejectionOf(callerFor(members.editor).passwordReset.issue({ workspaceId, userId: members.admin.id }))).code).toBe("FORBIDDEN");
    expect((await rejectionOf(asAdmin.issue({ workspaceId, userId: (await createTestUser()).id }))).code).toBe("NOT_FOUND");
    expect((await rejectionOf(asAdmin.issue({ workspaceId, userId: members.admin.id }))).code).toBe("BAD_REQUEST");
    expect((await callerFor(members.owner).passwordReset.issue({ workspaceId, userId: members.admin.id })).email).toBeTruthy();
  });
});
