import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { studioEvents } from "../events/studio-events";
import { createTestUser } from "../testing/factories";
import { TEST_SECRET } from "../testing/session-cookie";
import { handleAuthRequest } from "./auth-http-handler";
import { createAuthOptions } from "./auth-options";
import { getSessionUser } from "./session-user";

let server: Server;
let base: string;

beforeAll(async () => {
  const options = createAuthOptions({ db: db(), secret: TEST_SECRET });
  server = createServer((req, res) => void handleAuthRequest(req, res, options));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.NEXTAUTH_URL = base;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function cookiesOf(response: Response): string {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
}

const TEST_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 StudioTest";

async function signIn(email: string, password: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf), "user-agent": TEST_USER_AGENT },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  return { status: response.status, body: await response.text(), cookie: cookiesOf(response) };
}

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
    const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    await fetch(`${base}/api/auth/signout`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${cookie}; ${cookiesOf(csrf)}` },
      body: new URLSearchParams({ csrfToken, json: "true" }),
      redirect: "manual",
    });
    stopWatching();
    expect(await getSessionUser({ db: db(), secret: TEST_SECRET, cookieHeader: cookie })).toBeNull();
    // Other tabs' sockets on this session close too.
    expect(ended).toEqual([{ userId: user.id, sessionTokens: [sessionToken] }]);
  });
});
