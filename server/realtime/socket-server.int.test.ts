import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createGraph } from "../services/graph/create-graph";
import { createWorkspaceWithMembers } from "../testing/factories";
import { sessionCookieFor } from "../testing/session-cookie";
import { TEST_ORIGIN, useRealtimeTestServer } from "./testing/realtime-test-server";

const ORIGIN = TEST_ORIGIN;
const realtimeServer = useRealtimeTestServer();

const open = (headers: Record<string, string>): Socket => realtimeServer.open(headers);

function outcome(socket: Socket): Promise<"connected" | string> {
  return refusal(socket).then((result) => result.code);
}

/** How a handshake ended: connected, or the refusal's code and the reason the client can show. */
function refusal(socket: Socket): Promise<{ code: string; reason?: string }> {
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ code: "connected" }));
    socket.once("connect_error", (error) => resolve({ code: error.message, reason: (error as Error & { data?: { reason?: string } }).data?.reason }));
  });
}

function join(socket: Socket, workspaceId: string): Promise<{ ok: boolean; error?: string }> {
  return new Promise((resolve) => socket.emit("workspace:join", { workspaceId }, resolve));
}

describe("realtime handshake and rooms", () => {
  it("refuses a connection without a session cookie", async () => {
    expect(await outcome(open({ Origin: ORIGIN }))).toBe("UNAUTHORIZED");
  });

  it("refuses a connection from a foreign Origin even with a valid session, and says why", async () => {
    const { members } = await createWorkspaceWithMembers(["viewer"]);
    const result = await refusal(open({ Origin: "http://evil.test", Cookie: await sessionCookieFor(members.viewer) }));
    expect(result.code).toBe("ORIGIN_NOT_ALLOWED");
    expect(result.reason).toContain("http://evil.test");
  });

  it("accepts a page of the address the studio was reached at, though it is not PUBLIC_URL", async () => {
    const { members } = await createWorkspaceWithMembers(["viewer"]);
    // The client connects to 127.0.0.1:<port>: a page served from there sends that Origin.
    expect(await outcome(open({ Origin: realtimeServer.url, Cookie: await sessionCookieFor(members.viewer) }))).toBe("connected");
    expect(await outcome(open({ Origin: realtimeServer.url.replace("127.0.0.1", "localhost"), Cookie: await sessionCookieFor(members.viewer) }))).toBe("ORIGIN_NOT_ALLOWED");
  });

  it("refuses a session that was signed out server-side", async () => {
    const { members } = await createWorkspaceWithMembers(["viewer"]);
    const cookie = await sessionCookieFor(members.viewer);
    await db().session.delete({ where: { sessionToken: members.viewer.sessionToken } });
    expect(await outcome(open({ Origin: ORIGIN, Cookie: cookie }))).toBe("UNAUTHORIZED");
  });

  it("delivers graph.updated to members of the workspace and never to others", async () => {
    const team = await createWorkspaceWithMembers(["editor", "viewer"]);
    const outsider = await createWorkspaceWithMembers(["owner"]);

    const viewerSocket = open({ Origin: ORIGIN, Cookie: await sessionCookieFor(team.members.viewer) });
    const outsiderSocket = open({ Origin: ORIGIN, Cookie: await sessionCookieFor(outsider.members.owner) });
    expect(await outcome(viewerSocket)).toBe("connected");
    expect(await outcome(outsiderSocket)).toBe("connected");

    expect(await join(viewerSocket, team.workspace.id)).toEqual({ ok: true });
    expect(await join(outsiderSocket, team.workspace.id)).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await join(outsiderSocket, "not-a-workspace")).toEqual({ ok: false, error: "NOT_FOUND" });

    const leaked: unknown[] = [];
    outsiderSocket.on("graph.updated", (event) => leaked.push(event));
    const received = new Promise<{ graphId: string; change: string; name: string }>((resolve) => viewerSocket.once("graph.updated", resolve));
    const graph = await createGraph(db(), { workspaceId: team.workspace.id, actorId: team.members.editor.id, name: "Live" });

    expect(await received).toMatchObject({ graphId: graph.id, change: "created", name: "Live" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(leaked).toEqual([]);
  });

  it("answers a malformed join without disconnecting", async () => {
    const { members } = await createWorkspaceWithMembers(["viewer"]);
    const socket = open({ Origin: ORIGIN, Cookie: await sessionCookieFor(members.viewer) });
    expect(await outcome(socket)).toBe("connected");
    const reply = await new Promise((resolve) => socket.emit("workspace:join", { workspaceId: 42, extra: true }, resolve));
    expect(reply).toEqual({ ok: false, error: "BAD_REQUEST" });
    expect(socket.connected).toBe(true);
  });

  it("shows who has a graph open, to members only, and updates when someone leaves", async () => {
    const team = await createWorkspaceWithMembers(["editor", "viewer"]);
    const outsider = await createWorkspaceWithMembers(["owner"]);
    const graph = await createGraph(db(), { workspaceId: team.workspace.id, actorId: team.members.editor.id, name: "Shared" });
    const editorSocket = open({ Origin: ORIGIN, Cookie: await sessionCookieFor(team.members.editor) });
    const viewerSocket = open({ Origin: ORIGIN, Cookie: await sessionCookieFor(team.members.viewer) });
    const outsiderSocket = open({ Origin: ORIGIN, Cookie: await sessionCookieFor(outsider.members.owner) });
    await Promise.all([outcome(editorSocket), outcome(viewerSocket), outcome(outsiderSocket)]);
    const watch = (socket: Socket) => new Promise((resolve) => socket.emit("graph:watch", { workspaceId: team.workspace.id, graphId: graph.id }, resolve));

    const seen: { users: { id: string }[] }[] = [];
    editorSocket.on("graph.presence", (event) => seen.push(event));
    expect(await watch(editorSocket)).toEqual({ ok: true });
    expect(await watch(viewerSocket)).toEqual({ ok: true });
    expect(await watch(outsiderSocket)).toEqual({ ok: false, error: "NOT_FOUND" });
    await expect.poll(() => seen.at(-1)?.users.map((user) => user.id).sort()).toEqual([team.members.editor.id, team.members.viewer.id].sort());

    viewerSocket.close();
    await expect.poll(() => seen.at(-1)?.users.map((user) => user.id)).toEqual([team.members.editor.id]);
  });
});
