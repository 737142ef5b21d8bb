import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { changePassword } from "../services/account/change-password";
import { revokeAllSessions } from "../services/account/revoke-all-sessions";
import { createTestUser, signInAs } from "../testing/factories";
import { sessionCookieFor, TEST_SECRET } from "../testing/session-cookie";
import { createRunEventHub } from "./run-stream/run-event-hub";
import { attachRealtime, SOCKET_PATH } from "./socket-server";

const ORIGIN = "http://studio.test";
const PASSWORD = "amber-kettle-whistles-at-dawn";
let server: Server;
let realtime: ReturnType<typeof attachRealtime>;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = createServer();
  realtime = attachRealtime(server, { db: db(), secret: TEST_SECRET, allowedOrigins: [ORIGIN], runEvents: createRunEventHub() });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  sockets.forEach((socket) => socket.close());
  await realtime.close();
});

async function openAs(session: Parameters<typeof sessionCookieFor>[0]): Promise<Socket> {
  const socket = connect(url, { path: SOCKET_PATH, transports: ["websocket"], extraHeaders: { Origin: ORIGIN, Cookie: await sessionCookieFor(session) }, reconnection: false, forceNew: true });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

const disconnection = (socket: Socket) => new Promise<string>((resolve) => socket.once("disconnect", resolve));

describe("sockets of ended sessions", () => {
  it("close when the password changes elsewhere, while the session that changed it stays connected", async () => {
    const user = await createTestUser({ password: PASSWORD });
    const here = await signInAs(user);
    const elsewhere = await signInAs(user);
    const hereSocket = await openAs(here);
    const elsewhereSocket = await openAs(elsewhere);
    const closed = disconnection(elsewhereSocket);

    await changePassword(db(), { userId: user.id, currentSessionToken: here.sessionToken, currentPassword: PASSWORD, newPassword: "copper-heron-naps-on-7-piers" });
    expect(await closed).toBe("io server disconnect");
    expect(hereSocket.connected).toBe(true);
  });

  it("all close on sign out everywhere", async () => {
    const user = await createTestUser();
    const first = await openAs(await signInAs(user));
    const second = await openAs(await signInAs(user));
    const closed = Promise.all([disconnection(first), disconnection(second)]);
    await revokeAllSessions(db(), { userId: user.id });
    expect(await closed).toEqual(["io server disconnect", "io server disconnect"]);
  });
});
