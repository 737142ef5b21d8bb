// Who has a graph open: a socket room per graph; on every join, leave or disconnect the room gets the list of users
// (each user once, however many tabs they have open). API keys may watch a graph but are not people: never listed.
// In queue mode the list spans web processes (fetchSockets asks the others); a process that does not answer makes the
// lookup fail, which is logged and the next join or leave publishes again. Nothing is published once the server closes.
import type { Server, Socket } from "socket.io";
import { z } from "zod";
import { canSeeGraph } from "@/lib/auth/abilities";
import { GRAPH_FACTS_SELECT } from "../auth/graph-access";
import { getWorkspaceAccess, type TPrincipal } from "../auth/principal";
import type { TDb } from "../db/client";
import { logger } from "../telemetry/logger";

const ZWatchGraph = z.object({ workspaceId: z.string().min(1).max(64), graphId: z.string().min(1).max(64) }).strict();

export type TPresenceUser = { id: string; name: string };

export function graphRoom(graphId: string): string {
  return `graph:${graphId}`;
}

export function attachGraphPresence(io: Server, db: TDb) {
  const log = logger.child({ component: "realtime" });
  let closing = false;
  const publish = async (graphId: string) => {
    if (closing) return;
    const sockets = await io.in(graphRoom(graphId)).fetchSockets().catch((error: unknown) => {
      log.warn({ err: error, graphId }, "could not list who has the graph open; a web process did not answer");
      return undefined;
    });
    if (!sockets || closing) return;
    const users = new Map<string, TPresenceUser>();
    for (const socket of sockets) {
      const principal = (socket.data as { principal?: TPrincipal }).principal;
      if (principal?.kind !== "user") continue;
      const { user } = principal;
      users.set(user.id, { id: user.id, name: user.name ?? user.email });
    }
    io.to(graphRoom(graphId)).emit("graph.presence" as never, { graphId, users: [...users.values()] } as never);
  };

  const onConnection = (socket: Socket) => {
    const watched = new Set<string>();
    socket.on("graph:watch", (payload: unknown, ack: unknown) => {
      void (async () => {
        const parsed = ZWatchGraph.safeParse(payload);
        if (!parsed.success) return { ok: false, error: "BAD_REQUEST" };
        const { workspaceId, graphId } = parsed.data;
        const access = await getWorkspaceAccess(db, (socket.data as { principal: TPrincipal }).principal, workspaceId);
        const graph = access ? await db.graph.findFirst({ where: { id: graphId, workspaceId, deletedAt: null }, select: GRAPH_FACTS_SELECT }) : null;
        if (!access || !graph || !canSeeGraph(access.ability, graph)) return { ok: false, error: "NOT_FOUND" };
        await socket.join(graphRoom(graph.id));
        watched.add(graph.id);
        await publish(graph.id);
        return { ok: true };
      })()
        .catch((error: unknown) => {
          log.error({ err: error }, "graph:watch failed");
          return { ok: false, error: "INTERNAL" };
        })
        .then((reply) => typeof ack === "function" && ack(reply));
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
  return {
    onConnection,
    /** Before the server closes: its sockets' disconnects publish nothing (the cluster adapter may be gone). */
    stop() {
      closing = true;
    },
  };
}
