// The account page's "Recent activity": what really happened over HTTP (sign-in, a wrong password typed with the
// user's email, a password change, sign-out) is listed for that user only, newest first, with how and from where.
import { describe, expect, it } from "vitest";
import { createTestUser } from "../testing/factories";
import { TEST_USER_AGENT, useAuthHttpServer } from "../testing/auth-http-server";
import { callerFor } from "../testing/trpc-callers";
import { getSessionUser } from "./session-user";
import { db } from "../db/client";
import { TEST_SECRET } from "../testing/session-cookie";

const authServer = useAuthHttpServer();
const PASSWORD = "amber-kettle-whistles-at-dawn";

describe("account activity", () => {
  it("lists the user's own sign-ins, failed attempts with their email, account changes and sign-outs, and no one else's", async () => {
    const user = await createTestUser({ password: PASSWORD });
    const stranger = await createTestUser({ password: PASSWORD });
    expect((await authServer.signIn(user.email.toUpperCase(), "not my password")).status).toBe(401);
    const { cookie } = await authServer.signIn(user.email, PASSWORD);
    await authServer.signIn(stranger.email, PASSWORD);
    await authServer.signIn(stranger.email, "wrong again");
    const session = (await getSessionUser({ db: db(), secret: TEST_SECRET, cookieHeader: cookie }))!;
    await callerFor(session).account.rename({ name: "Renamed" });

    const activity = await callerFor(session).account.listActivity();
    expect(activity.map((event) => [event.action, event.outcome, event.method])).toEqual([
      ["account.rename", "ok", null],
      ["account.signIn", "ok", "password"],
      ["account.signInFailed", "UNAUTHORIZED", "password"],
    ]);
    expect(activity[1]).toMatchObject({ userAgent: TEST_USER_AGENT, address: expect.any(String) });

    await authServer.signOut(cookie);
    const later = await callerFor(session).account.listActivity();
    expect(later[0]!.action).toBe("account.signOut");
    const strangers = await callerFor((await getSessionUser({ db: db(), secret: TEST_SECRET, cookieHeader: (await authServer.signIn(stranger.email, PASSWORD)).cookie }))!).account.listActivity();
    expect(strangers.map((event) => event.action)).toEqual(["account.signIn", "account.signInFailed", "account.signIn"]);
  });
});
