// socket.io on the studio's HTTP server: authenticated handshake, Origin allowlist, one room per workspace.
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { z } from "zod";
import { actorIdOf, getWorkspaceAccess, type TPrincipal } from "../auth/principal";
import type { TDb } from "../db/client";
import { studioEvents } from "../events/studio-events";
import { logger } from "../telemetry/logger";
import { attachGraphPresence } from "./graph-presence";
import { checkSocketOrigin } from "./is-origin-allowed";
import type { TRunEventHub } from "./run-stream/run-event-hub";
import { attachRunSubscriptions } from "./run-stream/run-subscriptions";
import { handshakeToken, resolveSocketPrincipal } from "./socket-principal";

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
    // WebSocket only: a browser's handshake always carries Origin, so the check below sees every browser connection.
    transports: ["websocket"],
    maxHttpBufferSize: 1_000_000,
    // Leave other upgrade requests (Next's dev HMR) to the server's own upgrade handler.
    destroyUpgrade: false,
  });

  // Refusals carry a reason (`error.data`) the client shows, not a bare 400 from the upgrade.
  io.use(async (socket, next) => {
    const refusal = checkHandshakeOrigin(socket, options.allowedOrigins);
    if (refusal) return next(refusal);
    try {
      const principal = await resolveSocketPrincipal(socket, options);
      if (!principal) return next(refuse("UNAUTHORIZED", "The session has ended or the API key is not valid"));
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
  /**
   * A member removed, or given another role: close their sockets. The browser is told first (`membership.changed`),
   * so it reconnects at once and re-joins its rooms and run subscriptions, each checked again against the membership
   * as it is now. A key's socket carries the role it had at the handshake (capped at its creator's), so their keys
   * of this workspace are closed too and must reconnect.
   */
  function closeMemberSockets(workspaceId: string, userId: string, change: "role" | "removed"): void {
    if (change === "removed") runSubscriptions.endWorkspaceSubscriptions(workspaceId, userId);
    for (const socket of io.sockets.sockets.values()) {
      const principal = principalOf(socket);
      if (actorIdOf(principal) !== userId) continue;
      if (principal.kind === "apiKey" && principal.apiKey.workspaceId !== workspaceId) continue;
      (socket as Socket).emit("membership.changed", { workspaceId, change });
      socket.disconnect(true);
    }
  }
  const stopMembershipWatch = [
    studioEvents.on("membership.removed", ({ workspaceId, userId }) => closeMemberSockets(workspaceId, userId, "removed")),
    studioEvents.on("membership.changed", ({ workspaceId, userId }) => closeMemberSockets(workspaceId, userId, "role")),
  ];
  const stopRevocationWatch = studioEvents.on("apiKey.revoked", ({ apiKeyId }) => {
    for (const socket of io.sockets.sockets.values()) {
      const principal = principalOf(socket);
      if (principal.kind === "apiKey" && principal.apiKey.id === apiKeyId) socket.disconnect(true);
    }
  });

  const stopSessionWatch = studioEvents.on("session.ended", ({ userId, sessionTokens }) => {
    const ended = new Set(sessionTokens);
    for (const socket of io.sockets.sockets.values()) {
      const principal = principalOf(socket);
      if (principal.kind === "user" && principal.user.id === userId && ended.has(principal.user.sessionToken)) socket.disconnect(true);
    }
  });

  return {
    io,
    async close(): Promise<void> {
      stopForwarding();
      stopMembershipWatch.forEach((stop) => stop());
      stopRevocationWatch();
      stopSessionWatch();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

/** An error the socket.io client receives as `connect_error`: `message` is the code, `data` says why. */
function refuse(code: "ORIGIN_NOT_ALLOWED" | "UNAUTHORIZED", reason: string): Error {
  return Object.assign(new Error(code), { data: { code, reason } });
}

/**
 * A browser page must be of this studio (same host, PUBLIC_URL or STUDIO_ALLOWED_ORIGINS). A client without Origin is
 * a script, not a page (browsers always send one and cannot set a key): it passes here only with an API key.
 */
function checkHandshakeOrigin(socket: Socket, allowedOrigins: readonly string[]): Error | undefined {
  const { origin, host } = socket.request.headers;
  if (!origin && handshakeToken(socket) !== undefined) return undefined;
  const check = checkSocketOrigin({ origin, host, allowedOrigins });
  return check.isAllowed ? undefined : refuse("ORIGIN_NOT_ALLOWED", check.reason);
}
