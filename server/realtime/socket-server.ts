// socket.io on the studio's HTTP server: authenticated handshake, Origin allowlist, one room per workspace.
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { z } from "zod";
import { actorIdOf, getWorkspaceAccess, type TPrincipal } from "../auth/principal";
import type { TDb } from "../db/client";
import { studioEvents } from "../events/studio-events";
import { logger } from "../telemetry/logger";
import { attachGraphPresence } from "./graph-presence";
import { isOriginAllowed } from "./is-origin-allowed";
import type { TRunEventHub } from "./run-stream/run-event-hub";
import { attachRunSubscriptions } from "./run-stream/run-subscriptions";
import { isKeyClientWithoutOrigin, resolveSocketPrincipal } from "./socket-principal";

export const SOCKET_PATH = "/socket.io";

const ZJoinWorkspace = z.object({ workspaceId: z.string().min(1).max(64) }).strict();

type TAck = (reply: { ok: true } | { ok: false; error: string }) => void;
export type TSocketData = { principal: TPrincipal };

export function workspaceRoom(workspaceId: string): string {
  return `workspace:${workspaceId}`;
}

/** Set by the handshake middleware before any event handler runs. */
export function principalOf(socket: Socket): TPrincipal {
  return (socket.data as TSocketData).principal;
}

export function attachRealtime(httpServer: HttpServer, options: { db: TDb; secret: string; allowedOrigins: string[]; runEvents: TRunEventHub; frameMs?: number }) {
  const log = logger.child({ component: "realtime" });
  const io = new Server<Record<string, never>, Record<string, never>, Record<string, never>, TSocketData>(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    // WebSocket only: a browser's handshake always carries Origin, so the allowlist below sees every browser
    // connection. Only a script presenting a key in an Authorization header may come without one.
    transports: ["websocket"],
    maxHttpBufferSize: 1_000_000,
    // Leave other upgrade requests (Next's dev HMR) to the server's own upgrade handler.
    destroyUpgrade: false,
    allowRequest: (req, callback) =>
      callback(null, isOriginAllowed(req.headers.origin, options.allowedOrigins) || isKeyClientWithoutOrigin(req.headers)),
  });

  io.use(async (socket, next) => {
    try {
      const principal = await resolveSocketPrincipal(socket, options);
      if (!principal) return next(new Error("UNAUTHORIZED"));
      socket.data.principal = principal;
      next();
    } catch (error) {
      log.error({ err: error }, "socket handshake failed");
      next(new Error("INTERNAL"));
    }
  });

  const onGraphPresence = attachGraphPresence(io as unknown as Server, options.db);
  const runSubscriptions = attachRunSubscriptions({ db: options.db, hub: options.runEvents, principalOf, frameMs: options.frameMs });
  io.on("connection", (socket: Socket) => {
    onGraphPresence(socket);
    runSubscriptions.onConnection(socket);
    socket.on("workspace:join", (payload: unknown, ack: unknown) => {
      void joinWorkspace(socket, payload).then((reply) => typeof ack === "function" && (ack as TAck)(reply));
    });
    socket.on("workspace:leave", (payload: unknown) => {
      const parsed = ZJoinWorkspace.safeParse(payload);
      if (parsed.success) void socket.leave(workspaceRoom(parsed.data.workspaceId));
    });
  });

  async function joinWorkspace(socket: Socket, payload: unknown): Promise<{ ok: true } | { ok: false; error: string }> {
    const parsed = ZJoinWorkspace.safeParse(payload);
    if (!parsed.success) return { ok: false, error: "BAD_REQUEST" };
    const access = await getWorkspaceAccess(options.db, principalOf(socket), parsed.data.workspaceId);
    if (!access) return { ok: false, error: "NOT_FOUND" };
    // The room carries every graph's changes; a graph-limited key follows its graph with graph:watch instead.
    if (access.graphId) return { ok: false, error: "FORBIDDEN" };
    await socket.join(workspaceRoom(parsed.data.workspaceId));
    return { ok: true };
  }

  const stopForwarding = studioEvents.on("graph.updated", (event) => {
    io.to(workspaceRoom(event.workspaceId)).emit("graph.updated" as never, event as never);
  });
  const stopMembershipWatch = studioEvents.on("membership.removed", ({ workspaceId, userId }) => {
    runSubscriptions.endWorkspaceSubscriptions(workspaceId, userId);
    for (const socket of io.sockets.sockets.values()) {
      const principal = principalOf(socket);
      if (actorIdOf(principal) !== userId) continue;
      // The removed member's keys of this workspace stop authenticating: close what they have open.
      if (principal.kind === "apiKey") {
        if (principal.apiKey.workspaceId === workspaceId) socket.disconnect(true);
      } else {
        void socket.leave(workspaceRoom(workspaceId));
      }
    }
  });
  const stopRevocationWatch = studioEvents.on("apiKey.revoked", ({ apiKeyId }) => {
    for (const socket of io.sockets.sockets.values()) {
      const principal = principalOf(socket);
      if (principal.kind === "apiKey" && principal.apiKey.id === apiKeyId) socket.disconnect(true);
    }
  });

  return {
    io,
    async close(): Promise<void> {
      stopForwarding();
      stopMembershipWatch();
      stopRevocationWatch();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
