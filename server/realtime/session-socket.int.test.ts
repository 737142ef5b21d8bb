import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { changePassword } from "../services/account/change-password";
import { revokeAllSessions } from "../services/account/revoke-all-sessions";
import { createTestUser, signInAs } from "../testing/factories";
import { sessionCookieFor } from "../testing/session-cookie";
import { TEST_ORIGIN, useRealtimeTestServer } from "./testing/realtime-test-server";

const ORIGIN = TEST_ORIGIN;
const PASSWORD = "amber-kettle-whistles-at-dawn";
const realtimeServer = useRealtimeTestServer();

async function openAs(session: Parameters<typeof sessionCookieFor>[0]): Promise<Socket> {
  const socket = realtimeServer.open({ Origin: ORIGIN, Cookie: await sessionCookieFor(session) });
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
