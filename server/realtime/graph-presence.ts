// Who has a graph open: a socket room per graph; on every join, leave or disconnect the room gets the list of users
// (each user once, however many tabs they have open). API keys may watch a graph but are not people: never listed.
import type { Server, Socket } from "socket.io";
import { z } from "zod";
import { getWorkspaceAccess, isGraphInReach, type TPrincipal } from "../auth/principal";
import type { TDb } from "../db/client";

const ZWatchGraph = z.object({ workspaceId: z.string().min(1).max(64), graphId: z.string().min(1).max(64) }).strict();

export type TPresenceUser = { id: string; name: string };

export function graphRoom(graphId: string): string {
  return `graph:${graphId}`;
}

export function attachGraphPresence(io: Server, db: TDb) {
  const publish = async (graphId: string) => {
    const sockets = await io.in(graphRoom(graphId)).fetchSockets();
    const users = new Map<string, TPresenceUser>();
    for (const socket of sockets) {
      const principal = (socket.data as { principal?: TPrincipal }).principal;
      if (principal?.kind !== "user") continue;
      const { user } = principal;
      users.set(user.id, { id: user.id, name: user.name ?? user.email });
    }
    io.to(graphRoom(graphId)).emit("graph.presence" as never, { graphId, users: [...users.values()] } as never);
  };

  return (socket: Socket) => {
    const watched = new Set<string>();
    socket.on("graph:watch", (payload: unknown, ack: unknown) => {
      void (async () => {
        const parsed = ZWatchGraph.safeParse(payload);
        if (!parsed.success) return { ok: false, error: "BAD_REQUEST" };
        const { workspaceId, graphId } = parsed.data;
        const access = await getWorkspaceAccess(db, (socket.data as { principal: TPrincipal }).principal, workspaceId);
        const graph = access && isGraphInReach(access, graphId) ? await db.graph.findFirst({ where: { id: graphId, workspaceId, deletedAt: null }, select: { id: true } }) : null;
        if (!graph) return { ok: false, error: "NOT_FOUND" };
        await socket.join(graphRoom(graph.id));
        watched.add(graph.id);
        await publish(graph.id);
        return { ok: true };
      })().then((reply) => typeof ack === "function" && ack(reply));
    });
    socket.on("graph:unwatch", (payload: unknown) => {
      const parsed = ZWatchGraph.safeParse(payload);
      if (!parsed.success || !watched.delete(parsed.data.graphId)) return;
      void Promise.resolve(socket.leave(graphRoom(parsed.data.graphId))).then(() => publish(parsed.data.graphId));
    });
    socket.on("disconnect", () => {
      for (const graphId of watched) void publish(graphId);
    });
  };
}
