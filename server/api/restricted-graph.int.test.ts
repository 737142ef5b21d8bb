// A graph restricted to named members or roles does not exist for anyone else: every graph, run and trigger procedure
// answers as for a missing id, lists leave it out, and the socket rooms and run subscriptions refuse it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createRunEventHub } from "../realtime/run-stream/run-event-hub";
import { attachRealtime, SOCKET_PATH } from "../realtime/socket-server";
import { addMember, createTestUser, createWorkspaceWithMembers, signInAs } from "../testing/factories";
import { createTestGraph, createTestRun } from "../testing/run-factories";
import { sessionCookieFor, TEST_SECRET } from "../testing/session-cookie";
import { callerFor, rejectionOf } from "../testing/trpc-callers";
import { appRouter } from "./root";

const ORIGIN = "http://studio.test";
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

async function openSocket(user: Parameters<typeof sessionCookieFor>[0]): Promise<Socket> {
  const socket = connect(url, { path: SOCKET_PATH, transports: ["websocket"], extraHeaders: { Origin: ORIGIN, Cookie: await sessionCookieFor(user) }, reconnection: false, forceNew: true });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

function ask(socket: Socket, event: string, payload: unknown): Promise<{ ok: boolean; error?: string }> {
  return new Promise((resolve) => socket.emit(event, payload, resolve));
}

/** A team: the owner restricts "Payroll" to one named editor; another editor and an admin are not listed. */
async function teamWithRestrictedGraph() {
  const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin", "editor", "viewer"]);
  const workspaceId = workspace.id;
  const outsider = await createTestUser();
  await addMember(workspaceId, outsider.id, "editor");
  const unlisted = await signInAs(outsider);
  const hidden = await createTestGraph(workspaceId, { name: "Payroll", versions: 1 });
  const open = await createTestGraph(workspaceId, { name: "Support", versions: 1 });
  const hiddenRun = await createTestRun({ workspaceId, graphId: hidden.id }, { status: "running" });
  const openRun = await createTestRun({ workspaceId, graphId: open.id }, { status: "running" });
  await callerFor(members.owner).graph.setAccess({ workspaceId, graphId: hidden.id, isRestricted: true, allowedUserIds: [members.editor.id] });
  return { workspaceId, members, unlisted, hidden, open, hiddenRun, openRun };
}

/** Every procedure of the routers that take a graph or a run, called by path. */
const GRAPH_AND_RUN_PROCEDURES = Object.keys(appRouter._def.procedures).filter((path) => /^(graph|run|trigger)\./.test(path));

function callByPath(user: Parameters<typeof callerFor>[0], path: string, input: unknown): Promise<unknown> {
  const [router, procedure] = path.split(".") as [string, string];
  const caller = callerFor(user) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  return caller[router]![procedure]!(input);
}

describe("a restricted graph", () => {
  it("answers an unlisted editor in every graph, run and trigger procedure exactly as for a missing id", async () => {
    const { workspaceId, unlisted, hidden, hiddenRun } = await teamWithRestrictedGraph();
    expect(GRAPH_AND_RUN_PROCEDURES.length).toBeGreaterThan(20);
    const answer = async (path: string, input: Record<string, string>) => {
      const { code, message } = await rejectionOf(callByPath(unlisted, path, { workspaceId, ...input }));
      return { path, code, message };
    };
    let notFound = 0;
    for (const path of GRAPH_AND_RUN_PROCEDURES) {
      const byGraph = await answer(path, { graphId: hidden.id });
      expect(byGraph).toEqual(await answer(path, { graphId: "missing-graph-id" }));
      const byRun = await answer(path, { runId: hiddenRun.id });
      expect(byRun).toEqual(await answer(path, { runId: "missing-run-id" }));
      if (byGraph.code === "NOT_FOUND" && byRun.code === "NOT_FOUND") notFound++;
    }
    // All but what an editor's role does not allow at all (changing who sees a graph).
    expect(notFound).toBe(GRAPH_AND_RUN_PROCEDURES.length - 1);
    const missing = await rejectionOf(callerFor(unlisted).graph.get({ workspaceId, graphId: "missing-graph-id" }));
    expect([missing.code, missing.message]).toEqual(["NOT_FOUND", "Graph not found"]);
  });

  it("is left out of the unlisted editor's graph list, run history and totals, and shown to the named editor and the owner", async () => {
    const { workspaceId, members, unlisted, hidden, open, hiddenRun, openRun } = await teamWithRestrictedGraph();
    const namesFor = async (user: typeof unlisted) => (await callerFor(user).graph.list({ workspaceId })).map((graph) => graph.name).sort();
    expect(await namesFor(unlisted)).toEqual(["Support"]);
    expect(await namesFor(members.admin)).toEqual(["Support"]);
    expect(await namesFor(members.editor)).toEqual(["Payroll", "Support"]);
    expect(await namesFor(members.owner)).toEqual(["Payroll", "Support"]);

    const runIdsFor = async (user: typeof unlisted) => (await callerFor(user).run.list({ workspaceId, limit: 50 })).items.map((run) => run.id).sort();
    expect(await runIdsFor(unlisted)).toEqual([openRun.id]);
    expect(await runIdsFor(members.editor)).toEqual([hiddenRun.id, openRun.id].sort());
    expect((await callerFor(unlisted).run.stats({ workspaceId })).totals.runs).toBe(1);
    expect((await callerFor(members.owner).run.stats({ workspaceId })).totals.runs).toBe(2);
    expect((await callerFor(members.editor).graph.get({ workspaceId, graphId: hidden.id })).name).toBe("Payroll");
    expect((await callerFor(unlisted).graph.get({ workspaceId, graphId: open.id })).name).toBe("Support");
  });

  it("is opened to a role, refuses members of other workspaces and lock-outs, and forgets a removed member", async () => {
    const { workspaceId, members, unlisted, hidden } = await teamWithRestrictedGraph();
    const owner = callerFor(members.owner);
    const stranger = await createTestUser();
    const foreign = await rejectionOf(owner.graph.setAccess({ workspaceId, graphId: hidden.id, isRestricted: true, allowedUserIds: [stranger.id] }));
    expect([foreign.code, foreign.message]).toEqual(["BAD_REQUEST", `Not members of this workspace: ${stranger.id}`]);
    expect((await rejectionOf(callerFor(members.admin).graph.setAccess({ workspaceId, graphId: hidden.id, isRestricted: false }))).code).toBe("NOT_FOUND");
    expect((await rejectionOf(callerFor(members.editor).graph.setAccess({ workspaceId, graphId: hidden.id, isRestricted: false }))).code).toBe("FORBIDDEN");

    await owner.graph.setAccess({ workspaceId, graphId: hidden.id, isRestricted: true, allowedRoles: ["admin"], allowedUserIds: [members.editor.id] });
    const lockout = await rejectionOf(callerFor(members.admin).graph.setAccess({ workspaceId, graphId: hidden.id, isRestricted: true, allowedRoles: ["viewer"] }));
    expect([lockout.code, lockout.message]).toEqual(["BAD_REQUEST", "You would no longer see this graph: add yourself or your role"]);
    expect((await callerFor(members.admin).graph.get({ workspaceId, graphId: hidden.id })).isRestricted).toBe(true);
    expect((await rejectionOf(callerFor(unlisted).graph.get({ workspaceId, graphId: hidden.id }))).code).toBe("NOT_FOUND");

    await owner.member.remove({ workspaceId, userId: members.editor.id });
    expect((await db().graph.findUniqueOrThrow({ where: { id: hidden.id } })).allowedUserIds).toEqual([]);
    await owner.graph.setAccess({ workspaceId, graphId: hidden.id, isRestricted: false, allowedRoles: ["admin"] });
    expect(await db().graph.findUniqueOrThrow({ where: { id: hidden.id }, select: { isRestricted: true, allowedRoles: true } })).toEqual({ isRestricted: false, allowedRoles: [] });
    expect((await callerFor(unlisted).graph.get({ workspaceId, graphId: hidden.id })).name).toBe("Payroll");
  });

  it("keeps an unlisted editor's sockets out of its graph room, its runs and its changes, and closes them when access is taken away", async () => {
    const { workspaceId, members, unlisted, hidden, open, hiddenRun, openRun } = await teamWithRestrictedGraph();
    const outsiderSocket = await openSocket(unlisted);
    expect(await ask(outsiderSocket, "workspace:join", { workspaceId })).toEqual({ ok: true });
    expect(await ask(outsiderSocket, "graph:watch", { workspaceId, graphId: hidden.id })).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await ask(outsiderSocket, "run:subscribe", { runId: hiddenRun.id, afterSeq: 0 })).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await ask(outsiderSocket, "graph:watch", { workspaceId, graphId: open.id })).toEqual({ ok: true });
    expect(await ask(outsiderSocket, "run:subscribe", { runId: openRun.id, afterSeq: 0 })).toMatchObject({ ok: true });

    const seen: string[] = [];
    outsiderSocket.on("graph.updated", (event: { graphId: string }) => seen.push(event.graphId));
    const listedSocket = await openSocket(members.editor);
    expect(await ask(listedSocket, "workspace:join", { workspaceId })).toEqual({ ok: true });
    expect(await ask(listedSocket, "run:subscribe", { runId: hiddenRun.id, afterSeq: 0 })).toMatchObject({ ok: true });
    const listedSaw = new Promise<{ graphId: string; name: string }>((resolve) => listedSocket.once("graph.updated", resolve));
    await callerFor(members.owner).graph.rename({ workspaceId, graphId: hidden.id, name: "Payroll 2027" });
    expect(await listedSaw).toMatchObject({ graphId: hidden.id, name: "Payroll 2027" });
    await callerFor(members.owner).graph.rename({ workspaceId, graphId: open.id, name: "Support desk" });
    await expect.poll(() => seen).toEqual([open.id]);

    const notice = new Promise<unknown>((resolve) => listedSocket.once("membership.changed", resolve));
    const closed = new Promise<string>((resolve) => listedSocket.once("disconnect", resolve));
    await callerFor(members.owner).graph.setAccess({ workspaceId, graphId: hidden.id, isRestricted: true, allowedRoles: ["viewer"] });
    expect(await notice).toEqual({ workspaceId, change: "access" });
    expect(await closed).toBe("io server disconnect");
    const reopened = await openSocket(members.editor);
    expect(await ask(reopened, "run:subscribe", { runId: hiddenRun.id, afterSeq: 0 })).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(outsiderSocket.connected).toBe(true);
    expect(seen).toEqual([open.id]);
  });
});
