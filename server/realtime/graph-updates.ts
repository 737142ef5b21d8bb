// Graph changes to the workspace room, socket by socket: a restricted graph's changes reach only the sockets whose
// ability (kept per workspace when the socket joined) sees it. When who sees a graph changes, every socket of a member
// is checked (run pages watch runs without joining the room): those that saw it before or see it now are told
// (`graph.updated`, change "access": lists and the editor refetch); one that lost sight of it is then closed with a
// notice, so it reconnects and every room and run subscription is checked again.
import type { Server, Socket } from "socket.io";
import { canSeeGraph, type TWorkspaceAbility } from "@/lib/auth/abilities";
import { findGraphFacts } from "../auth/graph-access";
import { getWorkspaceAccess, type TPrincipal } from "../auth/principal";
import type { TDb } from "../db/client";
import { studioEvents, type TStudioEvents } from "../events/studio-events";
import { logger } from "../telemetry/logger";

type TJoinedData = { workspaceAbilities?: Map<string, TWorkspaceAbility> };

export function workspaceRoom(workspaceId: string): string {
  return `workspace:${workspaceId}`;
}

/** Joins the workspace room, keeping the ability the membership gave at this moment (a role change closes the socket). */
export async function joinWorkspaceRoom(socket: Socket, workspaceId: string, ability: TWorkspaceAbility): Promise<void> {
  const data = socket.data as TJoinedData;
  data.workspaceAbilities ??= new Map();
  data.workspaceAbilities.set(workspaceId, ability);
  await socket.join(workspaceRoom(workspaceId));
}

export function leaveWorkspaceRoom(socket: Socket, workspaceId: string): void {
  (socket.data as TJoinedData).workspaceAbilities?.delete(workspaceId);
  void socket.leave(workspaceRoom(workspaceId));
}

export function forwardGraphUpdates(io: Server, db: TDb): () => void {
  const log = logger.child({ component: "realtime" });
  const roomSockets = (workspaceId: string) => {
    const room = io.sockets.adapter.rooms.get(workspaceRoom(workspaceId)) ?? new Set<string>();
    return [...room].flatMap((id) => {
      const socket = io.sockets.sockets.get(id);
      const ability = socket && (socket.data as TJoinedData).workspaceAbilities?.get(workspaceId);
      return socket && ability ? [{ socket, ability }] : [];
    });
  };

  const onUpdated = async (event: TStudioEvents["graph.updated"]) => {
    const graph = await findGraphFacts(db, event.workspaceId, event.graphId);
    if (!graph) return;
    if (!graph.isRestricted && roomSockets(event.workspaceId).every(({ ability }) => canSeeGraph(ability, graph))) {
      // Local sockets only: in queue mode every web process gets the event (scale/studio-event-bridge.ts).
      io.local.to(workspaceRoom(event.workspaceId)).emit("graph.updated", event);
      return;
    }
    for (const { socket, ability } of roomSockets(event.workspaceId)) if (canSeeGraph(ability, graph)) socket.emit("graph.updated", event);
  };

  const onAccessChanged = async ({ before, after, ...event }: TStudioEvents["graph.accessChanged"]) => {
    const notice = { ...event, change: "access" as const };
    const abilities = new Map<string, Promise<TWorkspaceAbility | undefined>>();
    const abilityOf = (principal: TPrincipal) => {
      const key = principal.kind === "user" ? `user:${principal.user.id}` : `key:${principal.apiKey.id}`;
      if (!abilities.has(key)) abilities.set(key, getWorkspaceAccess(db, principal, event.workspaceId).then((access) => access?.ability));
      return abilities.get(key)!;
    };
    for (const socket of [...io.sockets.sockets.values()]) {
      const ability = await abilityOf((socket.data as { principal: TPrincipal }).principal);
      if (!ability) continue;
      const [saw, sees] = [canSeeGraph(ability, before), canSeeGraph(ability, after)];
      if (saw || sees) socket.emit("graph.updated", notice);
      if (saw && !sees) closeForRecheck(socket, event.workspaceId);
    }
  };

  const stops = [
    studioEvents.on("graph.updated", (event) => void onUpdated(event).catch((error: unknown) => log.error({ err: error }, "graph update not forwarded"))),
    studioEvents.on("graph.accessChanged", (event) => void onAccessChanged(event).catch((error: unknown) => log.error({ err: error }, "graph access change not forwarded"))),
  ];
  return () => stops.forEach((stop) => stop());
}

/** The client reconnects at once on this notice and re-joins what it still may (components/realtime/socket.ts). */
function closeForRecheck(socket: Socket, workspaceId: string): void {
  socket.emit("membership.changed", { workspaceId, change: "access" });
  socket.disconnect(true);
}
