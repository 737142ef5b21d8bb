// socket.io on the studio's HTTP server: authenticated handshake, Origin allowlist, one room per workspace.
import type { Server as HttpServer } from "node:http";
import { Server, type ServerOptions, type Socket } from "socket.io";
import { z } from "zod";
import { actorIdOf, getWorkspaceAccess, type TPrincipal } from "../auth/principal";
import type { TDb } from "../db/client";
import { studioEvents } from "../events/studio-events";
import { reportSocketClientsFrom } from "../telemetry/metrics";
import { logger } from "../telemetry/logger";
import { attachGraphPresence } from "./graph-presence";
import { forwardGraphUpdates, joinWorkspaceRoom, leaveWorkspaceRoom } from "./graph-updates";
import { checkSocketOrigin } from "./is-origin-allowed";
import type { TRunEventHub } from "./run-stream/run-event-hub";
import { attachRunSubscriptions } from "./run-stream/run-subscriptions";
import { handshakeToken, resolveSocketPrincipal } from "./socket-principal";

export const SOCKET_PATH = "/socket.io";

const ZJoinWorkspace = z.object({ workspaceId: z.string().min(1).max(64) }).strict();

type TAck = (reply: { ok: true } | { ok: false; error: string }) => void;
export type TSocketData = { principal: TPrincipal };

/** Set by the handshake middleware before any event handler runs. */
export function principalOf(socket: Socket): TPrincipal {
  return (socket.data as TSocketData).principal;
}

/**
 * `clusterAdapter` (queue mode, server/scale/socket-cluster.ts): rooms span every web process, so presence and room
 * events reach sockets on all of them, and a socket that drops for a moment gets back its rooms and missed packets.
 */
export function attachRealtime(
  httpServer: HttpServer,
  options: { db: TDb; secret: string; allowedOrigins: string[]; runEvents: TRunEventHub; frameMs?: number; clusterAdapter?: ServerOptions["adapter"] },
) {
  const log = logger.child({ component: "realtime" });
  const io = new Server<Record<string, never>, Record<string, never>, Record<string, never>, TSocketData>(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    // WebSocket only: a browser's handshake always carries Origin, so the check below sees every browser connection.
    transports: ["websocket"],
    maxHttpBufferSize: 1_000_000,
    // Leave other upgrade requests (Next's dev HMR) to the server's own upgrade handler.
    destroyUpgrade: false,
    ...(options.clusterAdapter
      ? { adapter: options.clusterAdapter, connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false } }
      : {}),
  });

  // Refusals carry a reason (`error.data`) the client shows, not a bare 400 from the upgrade.
  io.use(async (socket, next) => {
    const refusal = checkHandshakeOrigin(socket, options.allowedOrigins);
    if (refusal) return next(refusal);
    try {
      const principal = await resolveSocketPrincipal(socket, options);
      if (!principal) return next(refuse("UNAUTHORIZED", "The session has ended or the API key is not valid"));
      socket.data.principal = principal;
      closeAtExpiry(socket, principal.kind === "user" ? principal.user.expiresAt : principal.apiKey.expiresAt);
      next();
    } catch (error) {
      log.error({ err: error }, "socket handshake failed");
      next(new Error("INTERNAL"));
    }
  });

  const graphPresence = attachGraphPresence(io as unknown as Server, options.db);
  const runSubscriptions = attachRunSubscriptions({ db: options.db, hub: options.runEvents, principalOf, frameMs: options.frameMs });
  io.on("connection", (socket: Socket) => {
    // A recovered socket gets its rooms back without their checks: drop them; the client joins again, checked now.
    if (socket.recovered) forgetRecoveredRooms(socket);
    graphPresence.onConnection(socket);
    runSubscriptions.onConnection(socket);
    socket.on("workspace:join", (payload: unknown, ack: unknown) => {
      void joinWorkspace(socket, payload).then((reply) => typeof ack === "function" && (ack as TAck)(reply));
    });
    socket.on("workspace:leave", (payload: unknown) => {
      const parsed = ZJoinWorkspace.safeParse(payload);
      if (parsed.success) leaveWorkspaceRoom(socket, parsed.data.workspaceId);
    });
  });

  async function joinWorkspace(socket: Socket, payload: unknown): Promise<{ ok: true } | { ok: false; error: string }> {
    const parsed = ZJoinWorkspace.safeParse(payload);
    if (!parsed.success) return { ok: false, error: "BAD_REQUEST" };
    const access = await getWorkspaceAccess(options.db, principalOf(socket), parsed.data.workspaceId);
    if (!access) return { ok: false, error: "NOT_FOUND" };
    // The room carries the workspace's graph changes; a graph-limited key follows its graphs with graph:watch instead.
    if (access.graphIds.length > 0) return { ok: false, error: "FORBIDDEN" };
    await joinWorkspaceRoom(socket, parsed.data.workspaceId, access.ability);
    return { ok: true };
  }

  const stopForwarding = forwardGraphUpdates(io as unknown as Server, options.db);
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
      // Written out before the close, on this process only: with the cluster adapter a plain socket.emit is first
      // published to Redis and delivered after that round trip, when the socket is already closed.
      (io as unknown as Server).local.to(socket.id).emit("membership.changed", { workspaceId, change });
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

  // /api/metrics: the sockets of this process that passed the handshake.
  reportSocketClientsFrom(() => io.sockets.sockets.size);

  return {
    io,
    async close(): Promise<void> {
      stopForwarding();
      stopMembershipWatch.forEach((stop) => stop());
      stopRevocationWatch();
      stopSessionWatch();
      graphPresence.stop();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

function forgetRecoveredRooms(socket: Socket): void {
  (socket.data as { workspaceAbilities?: unknown }).workspaceAbilities = undefined;
  for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
}

/** Longest delay setTimeout takes (about 24.8 days); a later expiry is re-armed from there. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A session or key that expires while its socket is open closes that socket at the moment it expires. */
function closeAtExpiry(socket: Socket, expiresAt: Date | null | undefined): void {
  if (!expiresAt) return;
  const delay = expiresAt.getTime() - Date.now();
  const timer = setTimeout(() => (delay > MAX_TIMER_MS ? closeAtExpiry(socket, expiresAt) : socket.disconnect(true)), Math.min(Math.max(delay, 0), MAX_TIMER_MS));
  timer.unref();
  socket.once("disconnect", () => clearTimeout(timer));
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
