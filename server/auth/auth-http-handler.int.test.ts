import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { studioEvents } from "../events/studio-events";
import { createTestUser } from "../testing/factories";
import { TEST_USER_AGENT, useAuthHttpServer } from "../testing/auth-http-server";
import { TEST_SECRET } from "../testing/session-cookie";
import { getSessionUser } from "./session-user";

const authServer = useAuthHttpServer();
const signIn = authServer.signIn;

describe("sign-in over HTTP", () => {
  it("signs in with the right password and creates a server-side session", async () => {
    const user = await createTestUser({ password: "correct horse battery" });
    const result = await signIn(user.email.toUpperCase(), "correct horse battery");
    expect(result.status).toBe(200);
    const sessionUser = await getSessionUser({ db: db(), secret: TEST_SECRET, cookieHeader: result.cookie });
    expect(sessionUser).toMatchObject({ id: user.id, email: user.email });
    // The account page's sessions list names the browser.
    const row = await db().session.findUniqueOrThrow({ where: { sessionToken: sessionUser!.sessionToken }, select: { userAgent: true } });
    expect(row.userAgent).toBe(TEST_USER_AGENT);
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const user = await createTestUser({ password: "correct horse battery" });
    const wrongPassword = await signIn(user.email, "wrong password");
    const unknownEmail = await signIn("nobody@example.test", "wrong password");
    expect(wrongPassword.status).toBe(401);
    expect([unknownEmail.status, unknownEmail.body]).toEqual([wrongPassword.status, wrongPassword.body]);
    expect(wrongPassword.cookie).not.toContain("session-token");
  });

  it("signing out deletes the session row, so the old cookie stops working", async () => {
    const user = await createTestUser({ password: "correct horse battery" });
    const { cookie } = await signIn(user.email, "correct horse battery");
    const sessionToken = (await getSessionUser({ db: db(), secret: TEST_SECRET, cookieHeader: cookie }))!.sessionToken;
    const ended: unknown[] = [];
    const stopWatching = studioEvents.on("session.ended", (event) => ended.push(event));
    await authServer.signOut(cookie);
    stopWatching();
    expect(await getSessionUser({ db: db(), secret: TEST_SECRET, cookieHeader: cookie })).toBeNull();
    // Other tabs' sockets on this session close too.
    expect(ended).toEqual([{ userId: user.id, sessionTokens: [sessionToken] }]);
  });
});
