// socket.io on the studio's HTTP server: authenticated handshake, Origin allowlist, one room per workspace.
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { z } from "zod";
import { getSessionUser, type TSessionUser } from "../auth/session-user";
import type { TDb } from "../db/client";
import { studioEvents } from "../events/studio-events";
import { logger } from "../telemetry/logger";
import { attachGraphPresence } from "./graph-presence";
import { isOriginAllowed } from "./is-origin-allowed";
import type { TRunEventHub } from "./run-stream/run-event-hub";
import { attachRunSubscriptions } from "./run-stream/run-subscriptions";

export const SOCKET_PATH = "/socket.io";

const ZJoinWorkspace = z.object({ workspaceId: z.string().min(1).max(64) }).strict();

type TAck = (reply: { ok: true } | { ok: false; error: string }) => void;
type TSocketData = { user: TSessionUser };

export function workspaceRoom(workspaceId: string): string {
  return `workspace:${workspaceId}`;
}

export function attachRealtime(httpServer: HttpServer, options: { db: TDb; secret: string; allowedOrigins: string[]; runEvents: TRunEventHub; frameMs?: number }) {
  const log = logger.child({ component: "realtime" });
  const io = new Server<Record<string, never>, Record<string, never>, Record<string, never>, TSocketData>(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    // WebSocket only: its handshake always carries Origin, so the allowlist below sees every connection.
    transports: ["websocket"],
    maxHttpBufferSize: 1_000_000,
    // Leave other upgrade requests (Next's dev HMR) to the server's own upgrade handler.
    destroyUpgrade: false,
    allowRequest: (req, callback) => callback(null, isOriginAllowed(req.headers.origin, options.allowedOrigins)),
  });

  io.use(async (socket, next) => {
    try {
      const user = await getSessionUser({ db: options.db, secret: options.secret, cookieHeader: socket.request.headers.cookie });
      if (!user) return next(new Error("UNAUTHORIZED"));
      socket.data.user = user;
      next();
    } catch (error) {
      log.error({ err: error }, "socket handshake failed");
      next(new Error("INTERNAL"));
    }
  });

  const onGraphPresence = attachGraphPresence(io as unknown as Server, options.db);
  const runSubscriptions = attachRunSubscriptions({ db: options.db, hub: options.runEvents, userIdOf: (socket) => (socket.data as TSocketData).user.id, frameMs: options.frameMs });
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
    const user = (socket.data as TSocketData).user;
    const membership = await options.db.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: parsed.data.workspaceId, userId: user.id } },
      select: { id: true },
    });
    if (!membership) return { ok: false, error: "NOT_FOUND" };
    await socket.join(workspaceRoom(parsed.data.workspaceId));
    return { ok: true };
  }

  const stopForwarding = studioEvents.on("graph.updated", (event) => {
    io.to(workspaceRoom(event.workspaceId)).emit("graph.updated" as never, event as never);
  });
  const stopMembershipWatch = studioEvents.on("membership.removed", ({ workspaceId, userId }) => {
    runSubscriptions.endWorkspaceSubscriptions(workspaceId, userId);
    for (const socket of io.sockets.sockets.values()) {
      if ((socket.data as TSocketData).user?.id === userId) void socket.leave(workspaceRoom(workspaceId));
    }
  });

  return {
    io,
    async close(): Promise<void> {
      stopForwarding();
      stopMembershipWatch();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
