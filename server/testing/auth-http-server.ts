// The studio's next-auth HTTP handler on a free loopback port, for one integration test file, and a browser's
// sign-in and sign-out made through it (CSRF token, form posts, cookies).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { handleAuthRequest } from "../auth/auth-http-handler";
import { createAuthOptions } from "../auth/auth-options";
import { db } from "../db/client";
import { TEST_SECRET } from "./session-cookie";

export const TEST_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 StudioTest";

/** The Cookie header a browser would send back after `response`. */
export function cookiesOf(response: Response): string {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
}

export function useAuthHttpServer() {
  let server: Server | undefined;
  let base = "";

  beforeAll(async () => {
    const options = createAuthOptions({ db: db(), secret: TEST_SECRET });
    server = createServer((req, res) => void handleAuthRequest(req, res, options));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.NEXTAUTH_URL = base;
  });

  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function csrf(cookie?: string) {
    const response = await fetch(`${base}/api/auth/csrf`, { headers: cookie ? { cookie } : {} });
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { csrfToken, cookie: cookiesOf(response) };
  }

  return {
    /** The credentials form's post; `cookie` is the signed-in browser's session cookie on success. */
    async signIn(email: string, password: string) {
      const form = await csrf();
      const response = await fetch(`${base}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: form.cookie, "user-agent": TEST_USER_AGENT },
        body: new URLSearchParams({ csrfToken: form.csrfToken, email, password, json: "true" }),
        redirect: "manual",
      });
      return { status: response.status, body: await response.text(), cookie: cookiesOf(response) };
    },
    /** The sign-out button of a browser holding `cookie`. */
    async signOut(cookie: string): Promise<void> {
      const form = await csrf(cookie);
      await fetch(`${base}/api/auth/signout`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${cookie}; ${form.cookie}` },
        body: new URLSearchParams({ csrfToken: form.csrfToken, json: "true" }),
        redirect: "manual",
      });
    },
  };
}
