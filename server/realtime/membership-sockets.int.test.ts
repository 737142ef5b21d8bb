// A role change or removal reaches the member's open sockets at once: they are told, closed, and what they open
// next is checked against the membership as it is now.
import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createGraph } from "../services/graph/create-graph";
import { changeMemberRole } from "../services/member/change-member-role";
import { removeMember } from "../services/member/remove-member";
import { createWorkspaceWithMembers } from "../testing/factories";
import { sessionCookieFor } from "../testing/session-cookie";
import { TEST_ORIGIN, useRealtimeTestServer } from "./testing/realtime-test-server";

const ORIGIN = TEST_ORIGIN;
const realtimeServer = useRealtimeTestServer();

async function openAs(user: Parameters<typeof sessionCookieFor>[0]) {
  const socket = realtimeServer.open({ Origin: ORIGIN, Cookie: await sessionCookieFor(user) });
  const notices: unknown[] = [];
  const graphEvents: unknown[] = [];
  socket.on("membership.changed", (notice) => notices.push(notice));
  socket.on("graph.updated", (event) => graphEvents.push(event));
  const closed = new Promise<string>((resolve) => socket.once("disconnect", resolve));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return { socket, notices, graphEvents, closed };
}

function join(socket: Socket, workspaceId: string): Promise<{ ok: boolean; error?: string }> {
  return new Promise((resolve) => socket.emit("workspace:join", { workspaceId }, resolve));
}

describe("membership changes on open sockets", () => {
  it("a removed member's socket leaves the workspace's room: told, closed, and refused on rejoin", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "editor"]);
    const workspaceId = workspace.id;
    const editor = await openAs(members.editor);
    const owner = await openAs(members.owner);
    expect(await join(editor.socket, workspaceId)).toEqual({ ok: true });
    expect(await join(owner.socket, workspaceId)).toEqual({ ok: true });

    await removeMember(db(), { workspaceId, actorRole: "owner", userId: members.editor.id });
    expect(await editor.closed).toBe("io server disconnect");
    expect(editor.notices).toEqual([{ workspaceId, change: "removed" }]);
    expect(owner.socket.connected).toBe(true);

    await createGraph(db(), { workspaceId, actorId: members.owner.id, name: "After" });
    await expect.poll(() => owner.graphEvents.length).toBe(1);
    expect(editor.graphEvents).toEqual([]);
    const again = await openAs(members.editor);
    expect(await join(again.socket, workspaceId)).toEqual({ ok: false, error: "NOT_FOUND" });
  });

  it("a member whose role changed is told and reconnects into their rooms with the new role", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "editor"]);
    const workspaceId = workspace.id;
    const other = await createWorkspaceWithMembers(["owner"]);
    const editor = await openAs(members.editor);
    const bystander = await openAs(other.members.owner);
    expect(await join(editor.socket, workspaceId)).toEqual({ ok: true });

    await changeMemberRole(db(), { workspaceId, actorRole: "owner", userId: members.editor.id, role: "viewer" });
    expect(await editor.closed).toBe("io server disconnect");
    expect(editor.notices).toEqual([{ workspaceId, change: "role" }]);
    expect(bystander.socket.connected).toBe(true);

    const again = await openAs(members.editor);
    expect(await join(again.socket, workspaceId)).toEqual({ ok: true });
    await createGraph(db(), { workspaceId, actorId: members.owner.id, name: "Seen as viewer" });
    await expect.poll(() => again.graphEvents.length).toBe(1);
  });
});
