// The live connection is a second door: a handshake without a session, from another site's page, or with a cookie
// whose session was signed out is refused with a reason the client can show; a signed-out session's open socket is
// closed; and a member asking for another workspace's run, graph or room gets exactly what a random id gets.
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_ORIGIN, useRealtimeTestServer } from "../../realtime/testing/realtime-test-server";
import { useAuthHttpServer } from "../../testing/auth-http-server";
import { createTestUser } from "../../testing/factories";
import { sessionCookieFor } from "../../testing/session-cookie";
import { createAttackWorkspace, type TAttackWorkspace } from "./attack-workspace";

const realtimeServer = useRealtimeTestServer();
const authServer = useAuthHttpServer();

let ours: TAttackWorkspace;
let theirs: TAttackWorkspace;
beforeAll(async () => {
  [ours, theirs] = [await createAttackWorkspace(), await createAttackWorkspace()];
});

type THandshake = { code: string; reason?: string; socket: Socket };

/** How a handshake ended: "connected", or the refusal's code and the reason the browser's banner shows. */
function handshake(headers: Record<string, string>): Promise<THandshake> {
  const socket = realtimeServer.open(headers);
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ code: "connected", socket }));
    socket.once("connect_error", (error) => resolve({ code: error.message, reason: (error as Error & { data?: { reason?: string } }).data?.reason, socket }));
  });
}

function ask(socket: Socket, event: string, payload: unknown): Promise<unknown> {
  return new Promise((resolve) => socket.emit(event, payload, resolve));
}

const randomId = () => `c${randomUUID().replaceAll("-", "")}`;

describe("socket handshakes", () => {
  it("without a session cookie: UNAUTHORIZED, saying why", async () => {
    const refused = await handshake({ Origin: TEST_ORIGIN });
    expect([refused.code, refused.reason]).toEqual(["UNAUTHORIZED", "The session has ended or the API key is not valid"]);
    const forged = await handshake({ Origin: TEST_ORIGIN, Cookie: "next-auth.session-token=eyJhbGciOiJub25lIn0.e30." });
    expect(forged.code).toBe("UNAUTHORIZED");
  });

  it.each([
    ["another site", "http://evil.test"],
    ["a look-alike host", "http://studio.test.evil.test"],
    ["the right host over another scheme", "https://studio.test"],
    ["a sandboxed frame", "null"],
    ["a browser extension", "chrome-extension://abcdefghijklmnop"],
  ])("from %s's page, with a valid session: ORIGIN_NOT_ALLOWED, saying why", async (_name, origin) => {
    const refused = await handshake({ Origin: origin, Cookie: await sessionCookieFor(ours.members.owner) });
    expect(refused.code).toBe("ORIGIN_NOT_ALLOWED");
    expect(refused.reason).toMatch(/^(A page at .* may not open live updates|The Origin ".*" is not)/);
  });

  it("without an Origin but with a session cookie (not a browser, not a key): refused, saying why", async () => {
    const refused = await handshake({ Cookie: await sessionCookieFor(ours.members.owner) });
    expect([refused.code, refused.reason]).toEqual(["ORIGIN_NOT_ALLOWED", "The connection sent no Origin; a browser always sends one, a script must present an API key"]);
  });

  it("after sign-out: the open socket is closed, and the old cookie opens no other", async () => {
    const password = "quartz-meadow-lantern-71";
    const user = await createTestUser({ password });
    const { cookie } = await authServer.signIn(user.email, password);
    const open = await handshake({ Origin: TEST_ORIGIN, Cookie: cookie });
    expect(open.code).toBe("connected");
    const closed = new Promise<string>((resolve) => open.socket.once("disconnect", resolve));
    await authServer.signOut(cookie);
    expect(await closed).toBe("io server disconnect");
    const again = await handshake({ Origin: TEST_ORIGIN, Cookie: cookie });
    expect([again.code, again.reason]).toEqual(["UNAUTHORIZED", "The session has ended or the API key is not valid"]);
  });
});

describe("another workspace over a socket", () => {
  it("its run, graph and room answer a member and a key of another workspace exactly as random ids do", async () => {
    const sockets = [
      (await handshake({ Origin: TEST_ORIGIN, Cookie: await sessionCookieFor(ours.members.owner) })).socket,
      (await handshake({ Origin: TEST_ORIGIN, Authorization: `Bearer ${ours.apiKeyToken}` })).socket,
    ];
    for (const socket of sockets) {
      expect(socket.connected).toBe(true);
      const subscribe = (runId: string) => ask(socket, "run:subscribe", { runId, afterSeq: 0 });
      expect(await subscribe(theirs.runId)).toEqual(await subscribe(randomId()));
      expect(await subscribe(theirs.runId)).toEqual({ ok: false, error: "NOT_FOUND" });
      const watch = (workspaceId: string, graphId: string) => ask(socket, "graph:watch", { workspaceId, graphId });
      expect(await watch(theirs.id, theirs.graphId)).toEqual(await watch(randomId(), randomId()));
      expect(await watch(ours.id, theirs.graphId)).toEqual({ ok: false, error: "NOT_FOUND" });
      expect(await ask(socket, "workspace:join", { workspaceId: theirs.id })).toEqual(await ask(socket, "workspace:join", { workspaceId: randomId() }));
      // Its own run is there: the refusals above are about the workspace, not a broken subscription.
      expect(await subscribe(ours.runId)).toMatchObject({ ok: true });
    }
  });
});
