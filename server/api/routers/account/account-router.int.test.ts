import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../../auth/password";
import { getSessionUser, type TSessionUser } from "../../../auth/session-user";
import { db } from "../../../db/client";
import { signUp } from "../../../services/account/sign-up";
import { createTestUser, signInAs } from "../../../testing/factories";
import { sessionCookieFor, TEST_SECRET } from "../../../testing/session-cookie";
import { callerFor, rejectionOf } from "../../../testing/trpc-callers";

/** The user a browser holding this session's cookie is, as every HTTP request and socket resolves it. */
async function resolve(session: TSessionUser) {
  return getSessionUser({ db: db(), secret: TEST_SECRET, cookieHeader: await sessionCookieFor(session) });
}

const OLD_PASSWORD = "amber-kettle-whistles-at-dawn";
const NEW_PASSWORD = "copper-heron-naps-on-7-piers";

async function userWithSessions(count: number) {
  const user = await createTestUser({ password: OLD_PASSWORD });
  const sessions = [];
  for (let i = 0; i < count; i++) sessions.push(await signInAs(user));
  return { user, sessions };
}

describe("account router", () => {
  it("changes the password only with the current one, under the policy, and ends every other session", async () => {
    const { user, sessions } = await userWithSessions(3);
    const [current, other1, other2] = sessions;
    const api = callerFor(current!).account;

    const wrong = await rejectionOf(api.changePassword({ currentPassword: "not-my-password-at-all", newPassword: NEW_PASSWORD }));
    expect([wrong.code, wrong.message]).toEqual(["BAD_REQUEST", "The current password is not correct"]);
    const weak = await rejectionOf(api.changePassword({ currentPassword: OLD_PASSWORD, newPassword: "qwertyuiop12" }));
    expect(weak.message).toMatch(/^Too easy to guess\./);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(3);

    expect(await api.changePassword({ currentPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD })).toEqual({ endedSessions: 2 });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(stored.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect((await db().session.findMany({ where: { userId: user.id } })).map((s) => s.sessionToken)).toEqual([current!.sessionToken]);
    // The ended sessions' cookies no longer resolve to a user; this one's does.
    expect(await resolve(other1!)).toBeNull();
    expect(await resolve(other2!)).toBeNull();
    expect((await resolve(current!))?.id).toBe(user.id);
  });

  it("renames the account, trimmed, and refuses an empty name", async () => {
    const { sessions } = await userWithSessions(1);
    const api = callerFor(sessions[0]!).account;
    expect(await api.rename({ name: "  Ada Lovelace " })).toEqual({ name: "Ada Lovelace" });
    expect(await api.get()).toMatchObject({ name: "Ada Lovelace", hasPassword: true });
    expect((await rejectionOf(api.rename({ name: "   " }))).code).toBe("BAD_REQUEST");
  });

  it("lists the user's sessions with the current one marked, revokes one, and signs out everywhere", async () => {
    const { user, sessions } = await userWithSessions(3);
    const stranger = (await userWithSessions(1)).sessions[0]!;
    const api = callerFor(sessions[0]!).account;

    const listed = await api.listSessions();
    expect(listed).toHaveLength(3);
    expect(listed.filter((s) => s.isCurrent)).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(sessions[1]!.sessionToken);

    const other = listed.find((s) => !s.isCurrent)!;
    await api.revokeSession({ sessionId: other.id });
    expect(await api.listSessions()).toHaveLength(2);
    const strangerSession = (await callerFor(stranger).account.listSessions())[0]!;
    expect((await rejectionOf(api.revokeSession({ sessionId: strangerSession.id }))).code).toBe("NOT_FOUND");

    expect(await api.signOutEverywhere()).toEqual({ endedSessions: 2 });
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await resolve(sessions[0]!)).toBeNull();
  });

  it("refuses sign-up under STUDIO_SIGNUP=invite (the default) and creates an account under open", async () => {
    expect(await callerFor(null).account.signUpPolicy()).toEqual({ signUp: "invite" });
    const email = `self-${Date.now()}@example.test`;
    const refused = await rejectionOf(callerFor(null).account.signUp({ email, name: "Self", password: NEW_PASSWORD }));
    expect([refused.code, refused.message]).toEqual(["FORBIDDEN", "Sign-up is by invitation: ask a workspace admin to invite you"]);
    expect(await db().user.count({ where: { email } })).toBe(0);

    expect(await signUp(db(), { policy: "open", email: ` ${email.toUpperCase()} `, name: "Self", password: NEW_PASSWORD })).toEqual({ email });
    const created = await db().user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true, memberships: true } });
    expect(await verifyPassword(created.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(created.memberships).toEqual([]);
    await expect(signUp(db(), { policy: "open", email, name: "Again", password: NEW_PASSWORD })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(signUp(db(), { policy: "open", email: `weak-${email}`, name: "Weak", password: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
