// Sockets follow sessions across web processes (issue #15 item 4, in queue mode): a role change, a removal, a
// password change or a sign-out everywhere made through the tRPC of web process A reaches the sockets the member or
// user holds on web process B, a separate process, through the studio event bridge. What the client sees: a notice,
// a server disconnect, a refused rejoin or handshake. The session that acted stays connected. An API key revoked
// through A closes its socket on B too.
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "../db/client";
import { SOCKET_PATH } from "../realtime/socket-server";
import { createApiKey } from "../services/api-key/create-api-key";
import { createGraph } from "../services/graph/create-graph";
import { abilityOf, addMember, createTestUser, createWorkspaceWithMembers, signInAs } from "../testing/factories";
import { sessionCookieFor } from "../testing/session-cookie";
import type { TSessionUser } from "../auth/session-user";
import { newRedisTarget, spawnWebProcess, type TWebProcess } from "./testing/queue-mode-harness";

const ORIGIN = "http://studio.test";
const PASSWORD = "plum-orbit-lantern-92-quiet";
const redis = newRedisTarget();
let webA: TWebProcess;
let webB: TWebProcess;
const sockets: Socket[] = [];

beforeAll(async () => {
  const spawnWeb = () => spawnWebProcess({ databaseUrl: inject("databaseUrl"), redis, allowedOrigin: ORIGIN });
  [webA, webB] = await Promise.all([spawnWeb(), spawnWeb()]);
}, 120_000);

afterAll(async () => {
  sockets.forEach((socket) => socket.close());
  await Promise.all([webA?.stop(), webB?.stop()]);
});

type TClient = { socket: Socket; notices: unknown[]; presence: string[][]; closed: Promise<string> };

/** A browser tab signed in as `user`, with its socket on `web`; resolves once connected, rejects with the refusal. */
async function openOn(web: TWebProcess, user: TSessionUser): Promise<TClient> {
  return openWith(web, { extraHeaders: { Origin: ORIGIN, Cookie: await sessionCookieFor(user) } });
}

/** A script's socket on `web`, authenticated with an API key. */
function openWithKey(web: TWebProcess, key: string): Promise<TClient> {
  return openWith(web, { auth: { token: key } });
}

async function openWith(web: TWebProcess, credentials: { extraHeaders?: Record<string, string>; auth?: { token: string } }): Promise<TClient> {
  const socket = connect(web.url, { path: SOCKET_PATH, transports: ["websocket"], ...credentials, reconnection: false, forceNew: true });
  sockets.push(socket);
  const notices: unknown[] = [];
  const presence: string[][] = [];
  socket.on("membership.changed", (notice: unknown) => notices.push(notice));
  socket.on("graph.presence", (event: { users: { id: string }[] }) => presence.push(event.users.map((entry) => entry.id).sort()));
  const closed = new Promise<string>((resolve) => socket.once("disconnect", resolve));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return { socket, notices, presence, closed };
}

function ask(socket: Socket, event: string, payload: unknown): Promise<{ ok: boolean; error?: string }> {
  return new Promise((resolve) => socket.emit(event, payload, resolve));
}

/** A mutation through web process `web`'s tRPC, as the browser of `user` sends it. */
async function mutate(web: TWebProcess, user: TSessionUser, procedure: string, input?: unknown): Promise<void> {
  const response = await fetch(`${web.url}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: await sessionCookieFor(user) },
    body: JSON.stringify(input ?? null),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** The disconnect reason, or "still connected" if none came within a few seconds (the event had to cross Redis). */
function closeOf(client: TClient): Promise<string> {
  return Promise.race([client.closed, new Promise<string>((resolve) => setTimeout(() => resolve("still connected"), 5_000))]);
}

/** A round trip on the socket: it is open and answered by its process. */
async function isAnswered(client: TClient, workspaceId: string): Promise<boolean> {
  return client.socket.connected && (await ask(client.socket, "workspace:join", { workspaceId })).ok;
}

async function teamWithGraph() {
  const team = await createWorkspaceWithMembers(["owner", "editor"]);
  const graph = await createGraph(db(), { workspaceId: team.workspace.id, actorId: team.members.owner.id, name: "Shared" });
  return { ...team, workspaceId: team.workspace.id, graphId: graph.id };
}

describe("sockets follow sessions across web processes", () => {
  it("a role change through A closes the member's socket on B, which reconnects with the new role", async () => {
    const { members, workspaceId, graphId } = await teamWithGraph();
    const editor = await openOn(webB, members.editor);
    const owner = await openOn(webB, members.owner);
    expect(await ask(editor.socket, "workspace:join", { workspaceId })).toEqual({ ok: true });
    expect(await ask(editor.socket, "graph:watch", { workspaceId, graphId })).toEqual({ ok: true });

    await mutate(webA, members.owner, "member.changeRole", { workspaceId, userId: members.editor.id, role: "viewer" });
    expect(await closeOf(editor)).toBe("io server disconnect");
    expect(editor.notices).toEqual([{ workspaceId, change: "role" }]);
    expect(await isAnswered(owner, workspaceId)).toBe(true);

    const again = await openOn(webB, members.editor);
    expect(await ask(again.socket, "workspace:join", { workspaceId })).toEqual({ ok: true });
    expect((await db().membership.findFirstOrThrow({ where: { workspaceId, userId: members.editor.id } })).role).toBe("viewer");
  });

  it("a removal through A closes the member's socket on B, drops them from presence on both, and refuses their rejoin", async () => {
    const { members, workspaceId, graphId } = await teamWithGraph();
    const editor = await openOn(webB, members.editor);
    const owner = await openOn(webA, members.owner);
    expect(await ask(owner.socket, "graph:watch", { workspaceId, graphId })).toEqual({ ok: true });
    expect(await ask(editor.socket, "graph:watch", { workspaceId, graphId })).toEqual({ ok: true });
    const both = [members.owner.id, members.editor.id].sort();
    await expect.poll(() => owner.presence.at(-1)).toEqual(both);

    await mutate(webA, members.owner, "member.remove", { workspaceId, userId: members.editor.id });
    expect(await closeOf(editor)).toBe("io server disconnect");
    expect(editor.notices).toEqual([{ workspaceId, change: "removed" }]);
    await expect.poll(() => owner.presence.at(-1)).toEqual([members.owner.id]);
    expect(await isAnswered(owner, workspaceId)).toBe(true);

    const again = await openOn(webB, members.editor);
    expect(await ask(again.socket, "workspace:join", { workspaceId })).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await ask(again.socket, "graph:watch", { workspaceId, graphId })).toEqual({ ok: false, error: "NOT_FOUND" });
  });

  it("a password change through A closes the user's other sessions' sockets on B; the acting session stays", async () => {
    const { workspace } = await createWorkspaceWithMembers([]);
    const user = await createTestUser({ password: PASSWORD });
    await addMember(workspace.id, user.id, "editor");
    const [acting, other] = [await signInAs(user), await signInAs(user)];
    const actingOnA = await openOn(webA, acting);
    const actingOnB = await openOn(webB, acting);
    const otherOnB = await openOn(webB, other);

    await mutate(webA, acting, "account.changePassword", { currentPassword: PASSWORD, newPassword: `${PASSWORD}-renewed` });
    expect(await closeOf(otherOnB)).toBe("io server disconnect");
    await expect(openOn(webB, other)).rejects.toMatchObject({ message: "UNAUTHORIZED" });
    expect(await isAnswered(actingOnB, workspace.id)).toBe(true);
    expect(await isAnswered(actingOnA, workspace.id)).toBe(true);
  });

  it("signing out everywhere through A closes every socket of the user on B, and no one else's", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "editor"]);
    const second = await signInAs(members.editor);
    const firstOnB = await openOn(webB, members.editor);
    const secondOnB = await openOn(webB, second);
    const bystander = await openOn(webB, members.owner);

    await mutate(webA, members.editor, "account.signOutEverywhere");
    expect(await Promise.all([closeOf(firstOnB), closeOf(secondOnB)])).toEqual(["io server disconnect", "io server disconnect"]);
    await expect(openOn(webB, second)).rejects.toMatchObject({ message: "UNAUTHORIZED" });
    expect(await isAnswered(bystander, workspace.id)).toBe(true);
  });

  it("revoking an API key through A closes the key's socket on B and refuses it a new one", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const owner = members.owner;
    const { apiKey, key } = await createApiKey(db(), { workspaceId: workspace.id, actorId: owner.id, actorRole: "owner", actorAbility: abilityOf(owner.id, "owner"), name: "script", role: "viewer" });
    const script = await openWithKey(webB, key);
    const ownerOnB = await openOn(webB, owner);

    await mutate(webA, owner, "apiKey.revoke", { workspaceId: workspace.id, apiKeyId: apiKey.id });
    expect(await closeOf(script)).toBe("io server disconnect");
    await expect(openWithKey(webB, key)).rejects.toMatchObject({ message: "UNAUTHORIZED" });
    expect(await isAnswered(ownerOnB, workspace.id)).toBe(true);
  });
});
