// Two web sides with their own socket.io servers, joined by the Redis streams adapter as two web processes are:
// who has a graph open is the same list on both. (Studio events cross processes by their own bridge, tested with
// worker processes in queue-mode.scale.test.ts: two bridges in one process would hear each other.)
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createGraph } from "../services/graph/create-graph";
import { createWorkspaceWithMembers } from "../testing/factories";
import { sessionCookieFor } from "../testing/session-cookie";
import { newRedisTarget, startQueueModeWeb } from "./testing/queue-mode-harness";

const ORIGIN = "http://studio.test";
const redis = newRedisTarget();
let first: Awaited<ReturnType<typeof startQueueModeWeb>>;
let second: Awaited<ReturnType<typeof startQueueModeWeb>>;

beforeAll(async () => {
  first = await startQueueModeWeb(redis, ORIGIN);
  second = await startQueueModeWeb(redis, ORIGIN);
});

afterAll(async () => {
  await first?.close();
  await second?.close();
});

const connected = (socket: Socket) => new Promise<void>((resolve, reject) => {
  socket.once("connect", () => resolve());
  socket.once("connect_error", reject);
});

describe("realtime across web processes", () => {
  it("shows the same presence on both processes and follows a leave on either", async () => {
    const team = await createWorkspaceWithMembers(["editor", "viewer"]);
    const graph = await createGraph(db(), { workspaceId: team.workspace.id, actorId: team.members.editor.id, name: "Shared" });
    const editorSocket = first.open({ Origin: ORIGIN, Cookie: await sessionCookieFor(team.members.editor) });
    const viewerSocket = second.open({ Origin: ORIGIN, Cookie: await sessionCookieFor(team.members.viewer) });
    await Promise.all([connected(editorSocket), connected(viewerSocket)]);
    const watch = (socket: Socket) => new Promise((resolve) => socket.emit("graph:watch", { workspaceId: team.workspace.id, graphId: graph.id }, resolve));
    const seenByEditor: { users: { id: string }[] }[] = [];
    const seenByViewer: { users: { id: string }[] }[] = [];
    editorSocket.on("graph.presence", (event) => seenByEditor.push(event));
    viewerSocket.on("graph.presence", (event) => seenByViewer.push(event));

    expect(await watch(editorSocket)).toEqual({ ok: true });
    expect(await watch(viewerSocket)).toEqual({ ok: true });
    const both = [team.members.editor.id, team.members.viewer.id].sort();
    await expect.poll(() => seenByEditor.at(-1)?.users.map((user) => user.id).sort()).toEqual(both);
    await expect.poll(() => seenByViewer.at(-1)?.users.map((user) => user.id).sort()).toEqual(both);

    viewerSocket.close();
    await expect.poll(() => seenByEditor.at(-1)?.users.map((user) => user.id)).toEqual([team.members.editor.id]);
  });
});
