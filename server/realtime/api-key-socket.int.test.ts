import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TRole } from "@/lib/auth/access-rights";
import { db } from "../db/client";
import type { TSeqEvent } from "../runtime/run-store";
import { createApiKey } from "../services/api-key/create-api-key";
import { revokeApiKey } from "../services/api-key/revoke-api-key";
import { abilityOf, createWorkspaceWithMembers } from "../testing/factories";
import { createTestGraph, createTestRun } from "../testing/run-factories";
import { sessionCookieFor, TEST_SECRET } from "../testing/session-cookie";
import { createRunEventHub } from "./run-stream/run-event-hub";
import { attachRealtime, SOCKET_PATH } from "./socket-server";

const ORIGIN = "http://studio.test";
const hub = createRunEventHub();
let server: Server;
let realtime: ReturnType<typeof attachRealtime>;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = createServer();
  realtime = attachRealtime(server, { db: db(), secret: TEST_SECRET, allowedOrigins: [ORIGIN], runEvents: hub });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  sockets.forEach((socket) => socket.close());
  await realtime.close();
});

function open(options: { token?: unknown; headers?: Record<string, string> }): Socket {
  const socket = connect(url, {
    path: SOCKET_PATH,
    transports: ["websocket"],
    extraHeaders: options.headers ?? { Origin: ORIGIN },
    auth: options.token === undefined ? undefined : { token: options.token },
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  return socket;
}

function outcome(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    if (socket.connected) return resolve("connected");
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (error) => resolve(error.message));
  });
}

function subscribe(socket: Socket, runId: string): Promise<{ ok: boolean; error?: string }> {
  return new Promise((resolve) => socket.emit("run:subscribe", { runId, afterSeq: 0 }, resolve));
}

async function workspaceWithRun(options: { role?: TRole; limitToGraph?: boolean; expiresAt?: Date } = {}) {
  const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
  const workspaceId = workspace.id;
  const graph = await createTestGraph(workspaceId);
  const otherGraph = await createTestGraph(workspaceId);
  const run = await createTestRun({ workspaceId, graphId: graph.id }, { status: "running" });
  const otherGraphRun = await createTestRun({ workspaceId, graphId: otherGraph.id }, { status: "running" });
  await db().runEvent.create({ data: { runId: run.id, seq: 1, type: "node.log", nodeId: "n", payload: { stepSeq: 1, level: "info", message: "first" } } });
  const { apiKey, key } = await createApiKey(db(), {
    workspaceId,
    actorId: members.owner.id,
    actorRole: "owner",
    actorAbility: abilityOf(members.owner.id, "owner"),
    name: "watcher",
    role: options.role ?? "viewer",
    graphIds: options.limitToGraph ? [graph.id] : undefined,
    expiresAt: options.expiresAt,
  });
  return { workspaceId, members, run, otherGraphRun, apiKey, key };
}

describe("sockets with an API key", () => {
  it("subscribes to a run of its workspace with the key in the handshake, and receives its events", async () => {
    const { run, key } = await workspaceWithRun();
    const socket = open({ token: key });
    expect(await outcome(socket)).toBe("connected");
    const received: TSeqEvent[] = [];
    socket.on("run:events", ({ events }: { events: TSeqEvent[] }) => received.push(...events));

    expect(await subscribe(socket, run.id)).toMatchObject({ ok: true });
    hub.publish({ runId: run.id, seq: 2, type: "node.log", nodeId: "n", payload: { stepSeq: 1, level: "info", message: "live" }, ts: Date.now() });
    await expect.poll(() => received.map((event) => event.seq)).toEqual([1, 2]);
  });

  it("answers NOT_FOUND for a run of another workspace, and for another graph's run when limited to one graph", async () => {
    const ours = await workspaceWithRun({ limitToGraph: true });
    const theirs = await workspaceWithRun();
    const socket = open({ token: ours.key });
    expect(await outcome(socket)).toBe("connected");
    expect(await subscribe(socket, theirs.run.id)).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await subscribe(socket, ours.otherGraphRun.id)).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await subscribe(socket, ours.run.id)).toMatchObject({ ok: true });
  });

  it("accepts the key as an Authorization header from a script that sends no Origin", async () => {
    const { run, key } = await workspaceWithRun();
    const socket = open({ headers: { Authorization: `Bearer ${key}` } });
    expect(await outcome(socket)).toBe("connected");
    expect(await subscribe(socket, run.id)).toMatchObject({ ok: true });
    // Without a key, a missing Origin is still refused.
    expect(await outcome(open({ headers: {} }))).toBe("ORIGIN_NOT_ALLOWED");
  });

  it("accepts the key in the handshake's auth from a script that sends no Origin (the socket.io client in Node)", async () => {
    const { run, key } = await workspaceWithRun();
    const socket = open({ token: key, headers: {} });
    expect(await outcome(socket)).toBe("connected");
    expect(await subscribe(socket, run.id)).toMatchObject({ ok: true });
  });

  it("refuses a revoked, expired or unknown key, even with a valid session cookie beside it", async () => {
    const { workspaceId, members, apiKey, key } = await workspaceWithRun();
    const cookie = await sessionCookieFor(members.owner);
    expect(await outcome(open({ token: `ocs_00000000_${"A".repeat(43)}`, headers: { Origin: ORIGIN, Cookie: cookie } }))).toBe("UNAUTHORIZED");
    expect(await outcome(open({ token: 42, headers: { Origin: ORIGIN, Cookie: cookie } }))).toBe("UNAUTHORIZED");

    await db().apiKey.update({ where: { id: apiKey.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await outcome(open({ token: key }))).toBe("UNAUTHORIZED");
    await db().apiKey.update({ where: { id: apiKey.id }, data: { expiresAt: null } });
    await revokeApiKey(db(), { workspaceId, apiKeyId: apiKey.id, viewer: abilityOf("", "owner") });
    expect(await outcome(open({ token: key }))).toBe("UNAUTHORIZED");
  });

  it("closes a key's socket the moment the key expires", async () => {
    const { key } = await workspaceWithRun({ expiresAt: new Date(Date.now() + 1_500) });
    const socket = open({ token: key });
    expect(await outcome(socket)).toBe("connected");
    const openedAt = Date.now();
    expect(await new Promise<string>((resolve) => socket.once("disconnect", resolve))).toBe("io server disconnect");
    expect(Date.now() - openedAt).toBeLessThan(2_500);
  });

  it("disconnects the sockets of a key the moment it is revoked", async () => {
    const { workspaceId, apiKey, key } = await workspaceWithRun();
    const socket = open({ token: key });
    expect(await outcome(socket)).toBe("connected");
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    await revokeApiKey(db(), { workspaceId, apiKeyId: apiKey.id, viewer: abilityOf("", "owner") });
    expect(await disconnected).toBe("io server disconnect");
  });

  it("joins its workspace's room unless limited to one graph", async () => {
    const whole = await workspaceWithRun();
    const limited = await workspaceWithRun({ limitToGraph: true });
    const join = (socket: Socket, workspaceId: string) => new Promise((resolve) => socket.emit("workspace:join", { workspaceId }, resolve));
    const wholeSocket = open({ token: whole.key });
    const limitedSocket = open({ token: limited.key });
    // Both outcomes are listened for at once: the second socket may connect while the first is awaited.
    expect(await Promise.all([outcome(wholeSocket), outcome(limitedSocket)])).toEqual(["connected", "connected"]);
    expect(await join(wholeSocket, whole.workspaceId)).toEqual({ ok: true });
    expect(await join(wholeSocket, limited.workspaceId)).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await join(limitedSocket, limited.workspaceId)).toEqual({ ok: false, error: "FORBIDDEN" });
  });
});
