// Sign-in limits over real HTTP, from several client addresses (127.0.0.x on the loopback): failures slow only the
// (email, address) pair that made them and a noisy address, never the real user elsewhere; 429 carries Retry-After.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleAuthRequest } from "../auth/auth-http-handler";
import { createAuthOptions } from "../auth/auth-options";
import { db } from "../db/client";
import { createTestUser, uniqueSuffix } from "../testing/factories";
import { TEST_SECRET } from "../testing/session-cookie";
import { ADDRESS_FAILURES_PER_WINDOW, FREE_FAILURES } from "./login-limits";

const PASSWORD = "correct horse battery";
let server: Server;
let port: number;

beforeAll(async () => {
  const options = createAuthOptions({ db: db(), secret: TEST_SECRET });
  server = createServer((req, res) => void handleAuthRequest(req, res, options));
  await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
  port = (server.address() as AddressInfo).port;
  process.env.NEXTAUTH_URL = `http://127.0.0.1:${port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type TAnswer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function send(from: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<TAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, localAddress: from, method, path, headers }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** next-auth's credentials sign-in as the browser does it (csrf cookie and token first), from `from`. */
async function signIn(from: string, email: string, password: string): Promise<TAnswer> {
  const csrf = await send(from, "GET", "/api/auth/csrf", {});
  const cookie = ([] as string[]).concat(csrf.headers["set-cookie"] ?? []).map((entry) => entry.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  return send(from, "POST", "/api/auth/callback/credentials", { "content-type": "application/x-www-form-urlencoded", cookie }, new URLSearchParams({ csrfToken, email, password, json: "true" }).toString());
}

const isSignedIn = (answer: TAnswer) => answer.status === 200 && !answer.body.includes("error=");

describe("sign-in limits", () => {
  it("pauses a guessing (email, address) pair for doubling times, while the real user signs in from their own address", async () => {
    const user = await createTestUser({ password: PASSWORD });
    const attacker = "127.0.0.11";
    for (let failure = 1; failure <= FREE_FAILURES; failure++) expect((await signIn(attacker, user.email, "guess")).status).toBe(401);
    // Beyond the free failures each one pauses the pair: 1 s, then 2 s, ...
    expect((await signIn(attacker, user.email, "guess")).status).toBe(401);
    const paused = await signIn(attacker, user.email, PASSWORD);
    expect(paused.status).toBe(429);
    expect(Number(paused.headers["retry-after"])).toBe(1);
    expect(JSON.parse(paused.body)).toMatchObject({ url: "/signin?error=TooManyAttempts", error: "Too many failed sign-ins for this email" });

    expect(isSignedIn(await signIn("127.0.0.12", user.email, PASSWORD))).toBe(true);
    // Both kinds of attempt are in the account audit chain, with where they came from.
    const audited = await db().auditEvent.findMany({ where: { chain: "", actorLabel: user.email }, orderBy: { seq: "asc" }, select: { action: true, address: true, outcome: true } });
    expect(audited.at(0)).toEqual({ action: "account.signInFailed", address: attacker, outcome: "UNAUTHORIZED" });
    expect(audited.at(-1)).toEqual({ action: "account.signIn", address: "127.0.0.12", outcome: "ok" });

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await signIn(attacker, user.email, "guess")).status).toBe(401);
    expect(Number((await signIn(attacker, user.email, PASSWORD)).headers["retry-after"])).toBe(2);
  });

  it("refuses an address that fails across many emails, and a success at an address clears its pair", async () => {
    const sprayer = "127.0.0.21";
    const suffix = uniqueSuffix();
    for (let index = 0; index < ADDRESS_FAILURES_PER_WINDOW; index++) expect((await signIn(sprayer, `victim-${index}-${suffix}@example.test`, "guess")).status).toBe(401);
    const refused = await signIn(sprayer, `fresh-${suffix}@example.test`, "guess");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(60);
    expect(JSON.parse(refused.body)).toMatchObject({ error: "Too many failed sign-ins from this address" });

    const user = await createTestUser({ password: PASSWORD });
    const home = "127.0.0.22";
    for (let failure = 1; failure <= FREE_FAILURES; failure++) await signIn(home, user.email, "typo");
    expect(isSignedIn(await signIn(home, user.email, PASSWORD))).toBe(true);
    // The count started over: the next typo is free again.
    expect((await signIn(home, user.email, "typo")).status).toBe(401);
    expect((await signIn(home, user.email, "typo")).status).toBe(401);
    // The counters are rows of the shared store, not memory of this process.
    expect(await db().rateLimit.count({ where: { key: { startsWith: "login-address:127.0.0.21" } } })).toBe(1);
  }, 60_000);
});
