import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/client";
import { insertRun } from "../../db/insert-run";
import type { TSeqEvent } from "../../runtime/run-store";
import { removeMember } from "../../services/member/remove-member";
import { createGraph } from "../../services/graph/create-graph";
import { createSimpleGraphSpec } from "../../testing/simple-graph-spec";
import { createWorkspaceWithMembers } from "../../testing/factories";
import { sessionCookieFor, TEST_SECRET } from "../../testing/session-cookie";
import { attachRealtime, SOCKET_PATH } from "../socket-server";
import { createRunEventHub } from "./run-event-hub";

const ORIGIN = "http://studio.test";
let server: Server;
let realtime: ReturnType<typeof attachRealtime>;
const hub = createRunEventHub();
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

async function openAs(user: Parameters<typeof sessionCookieFor>[0]): Promise<{ socket: Socket; received: TSeqEvent[] }> {
  const socket = connect(url, { path: SOCKET_PATH, transports: ["websocket"], extraHeaders: { Origin: ORIGIN, Cookie: await sessionCookieFor(user) }, reconnection: false, forceNew: true });
  sockets.push(socket);
  const received: TSeqEvent[] = [];
  socket.on("run:events", ({ events }: { events: TSeqEvent[] }) => received.push(...events));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return { socket, received };
}

function subscribe(socket: Socket, payload: unknown): Promise<{ ok: boolean; error?: string }> {
  return new Promise((resolve) => socket.emit("run:subscribe", payload, resolve));
}

async function createRunWithEvents(count: number) {
  const { workspace, members } = await createWorkspaceWithMembers(["owner", "viewer"]);
  const graph = await createGraph(db(), { workspaceId: workspace.id, actorId: members.owner.id, name: "G", spec: createSimpleGraphSpec() });
  const run = await insertRun(db(), { workspaceId: workspace.id, graphId: graph.id, spec: {}, trigger: "manual", status: "running" }, { id: true });
  await db().runEvent.createMany({ data: Array.from({ length: count }, (_, index) => ({ runId: run.id, seq: index + 1, type: "node.log", nodeId: "n", payload: { stepSeq: 1, level: "info", message: `m${index + 1}` } })) });
  return { workspace, members, runId: run.id };
}

function liveEvent(runId: string, seq: number): TSeqEvent {
  return { runId, seq, type: "node.log", nodeId: "n", payload: { stepSeq: 1, level: "info", message: `m${seq}` }, ts: Date.now() };
}

const seqs = (events: TSeqEvent[]) => events.map((event) => event.seq);

describe("run:subscribe", () => {
  it("backfills from the database, then the unflushed tail, then streams live: each seq once, in order", async () => {
    const { members, runId } = await createRunWithEvents(5);
    // Emitted but not yet written by the batching event writer.
    hub.publish(liveEvent(runId, 6));
    const { socket, received } = await openAs(members.viewer);
    expect(await subscribe(socket, { runId, afterSeq: 0 })).toMatchObject({ ok: true });
    hub.publish(liveEvent(runId, 7));
    hub.publish(liveEvent(runId, 7));
    await expect.poll(() => seqs(received)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("resumes after a reconnect from the last seq it saw, with no gap and no duplicate", async () => {
    const { members, runId } = await createRunWithEvents(3);
    const first = await openAs(members.viewer);
    await subscribe(first.socket, { runId, afterSeq: 0 });
    await expect.poll(() => seqs(first.received)).toEqual([1, 2, 3]);
    first.socket.close();
    // Events while the client is away: some already in the database, one only in memory.
    await db().runEvent.createMany({ data: [4, 5].map((seq) => ({ runId, seq, type: "node.log", nodeId: "n", payload: {} })) });
    hub.publish(liveEvent(runId, 6));
    const second = await openAs(members.viewer);
    await subscribe(second.socket, { runId, afterSeq: 3 });
    hub.publish(liveEvent(runId, 7));
    await expect.poll(() => seqs([...first.received, ...second.received])).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("sends many events as a few frames", async () => {
    const { members, runId } = await createRunWithEvents(0);
    const { socket, received } = await openAs(members.viewer);
    let frames = 0;
    socket.on("run:events", () => frames++);
    await subscribe(socket, { runId, afterSeq: 0 });
    for (let seq = 1; seq <= 300; seq++) hub.publish(liveEvent(runId, seq));
    await expect.poll(() => received.length).toBe(300);
    expect(frames).toBeLessThan(10);
  });

  it("refuses a run of another workspace exactly like a missing one, and a malformed request", async () => {
    const mine = await createRunWithEvents(1);
    const theirs = await createRunWithEvents(1);
    const { socket, received } = await openAs(mine.members.viewer);
    expect(await subscribe(socket, { runId: theirs.runId, afterSeq: 0 })).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await subscribe(socket, { runId: "no-such-run", afterSeq: 0 })).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await subscribe(socket, { runId: mine.runId, afterSeq: -1 })).toEqual({ ok: false, error: "BAD_REQUEST" });
    expect(await subscribe(socket, "garbage")).toEqual({ ok: false, error: "BAD_REQUEST" });
    hub.publish(liveEvent(theirs.runId, 2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual([]);
  });

  it("ends a removed member's subscriptions at once and closes their socket; a new one is refused the run", async () => {
    const { workspace, members, runId } = await createRunWithEvents(1);
    const { socket, received } = await openAs(members.viewer);
    const ended: unknown[] = [];
    socket.on("run:ended", (payload) => ended.push(payload));
    const closed = new Promise((resolve) => socket.once("disconnect", resolve));
    await subscribe(socket, { runId, afterSeq: 0 });
    await expect.poll(() => seqs(received)).toEqual([1]);
    await removeMember(db(), { workspaceId: workspace.id, actorRole: "owner", userId: members.viewer.id });
    await expect.poll(() => ended).toEqual([{ runId, reason: "FORBIDDEN" }]);
    expect(await closed).toBe("io server disconnect");
    hub.publish(liveEvent(runId, 2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seqs(received)).toEqual([1]);
    const again = await openAs(members.viewer);
    expect(await subscribe(again.socket, { runId, afterSeq: 1 })).toEqual({ ok: false, error: "NOT_FOUND" });
  });

  it("survives a 10 MB frame and a malformed packet: that socket is dropped, the server keeps serving", async () => {
    const { members, runId } = await createRunWithEvents(1);
    const attacker = await openAs(members.viewer);
    const dropped = new Promise((resolve) => attacker.socket.once("disconnect", resolve));
    attacker.socket.emit("run:subscribe", { runId, afterSeq: 0, junk: "x".repeat(10 * 1024 * 1024) });
    await dropped;
    const raw = connect(url, { path: SOCKET_PATH, transports: ["websocket"], extraHeaders: { Origin: ORIGIN, Cookie: await sessionCookieFor(members.viewer) }, reconnection: false, forceNew: true });
    sockets.push(raw);
    await new Promise<void>((resolve) => raw.once("connect", () => resolve()));
    // A packet no socket.io client would send: an unknown packet type digit straight on the engine.
    (raw.io.engine as unknown as { write(data: string): void }).write("9{not json");
    const healthy = await openAs(members.viewer);
    expect(await subscribe(healthy.socket, { runId, afterSeq: 0 })).toMatchObject({ ok: true });
    await expect.poll(() => seqs(healthy.received)).toEqual([1]);
  });
});
