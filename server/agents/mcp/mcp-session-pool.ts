// Live MCP clients kept between calls and runs, one per (workspace, server, configuration): a call to a warm server
// costs its round trips, not a process start and a handshake. Sessions are never shared across workspaces (the
// workspace is part of the key), close after `idleMs` unused, and past `maxSessions` the least recently used idle one
// closes. A session whose server exits is dropped, and the next call starts a new one.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { describeMcpTarget, openMcpClient, type TMcpClientConnection, type TMcpConnection, type TMcpFetchStream, type TMcpTarget } from "./connect-mcp-server";
import { isSessionLost, isUndelivered } from "./mcp-session-errors";
import { toMcpSessionKey } from "./mcp-session-key";

export type TMcpSessionRequest = TMcpConnection & { workspaceId: string };

export type TMcpSessionFacts = { workspaceId: string; target: TMcpTarget; isBusy: boolean };

export type TMcpSessionPool = {
  /**
   * Runs `work` with the session's client. When the server dies during the work, the work runs once more on a fresh
   * session if `isRepeatable()` says so (nothing with effects was sent yet) or the request never reached the server;
   * otherwise it fails saying it was not repeated.
   */
  use<T>(request: TMcpSessionRequest, work: (client: Client) => Promise<T>, options?: { isRepeatable?: () => boolean }): Promise<T>;
  /** Closes the matching sessions, busy ones too (their calls fail with `reason`); answers how many closed. */
  closeWhere(match: (session: TMcpSessionFacts) => boolean, reason: string): Promise<number>;
  /** Closes every session; later calls are refused. */
  close(): Promise<void>;
  sessions(): TMcpSessionFacts[];
};

type TSession = {
  key: string;
  workspaceId: string;
  target: TMcpTarget;
  ready: Promise<TMcpClientConnection>;
  /** HTTP requests of the session go through the egress function of the call that used it last (same workspace). */
  route: { fetchStream: TMcpFetchStream };
  leases: number;
  lastUsedAt: number;
  idleTimer: NodeJS.Timeout | undefined;
  hasConnected: boolean;
  isLost: boolean;
  /** Set when the pool itself closed the session (revoked command, shutdown, eviction): calls say why. */
  closedBecause: string | undefined;
};

export function createMcpSessionPool(options: { idleMs: number; maxSessions: number }): TMcpSessionPool {
  const sessions = new Map<string, TSession>();
  let isClosed = false;

  function acquire(request: TMcpSessionRequest): TSession {
    if (isClosed) throw new Error("MCP sessions are closed: the studio is stopping");
    const key = toMcpSessionKey(request.workspaceId, request.target);
    const session = sessions.get(key) ?? open(key, request);
    session.leases += 1;
    session.route.fetchStream = request.fetchStream;
    clearTimeout(session.idleTimer);
    session.idleTimer = undefined;
    return session;
  }

  function open(key: string, request: TMcpSessionRequest): TSession {
    evictIdle(options.maxSessions - 1);
    const route = { fetchStream: request.fetchStream };
    // Concurrent first calls share this connect, so no caller's signal ends it (each waits with its own); the handshake
    // has its request timeout. Not a timeout signal either: the SDK keeps listening to it after the handshake and would
    // send the server a stray cancellation when it fired.
    const ready = openMcpClient({ target: request.target, fetchStream: (egress) => route.fetchStream(egress), signal: new AbortController().signal });
    const session: TSession = {
      key,
      workspaceId: request.workspaceId,
      target: request.target,
      ready,
      route,
      leases: 0,
      lastUsedAt: performance.now(),
      idleTimer: undefined,
      hasConnected: false,
      isLost: false,
      closedBecause: undefined,
    };
    ready.then(
      (connection) => {
        session.hasConnected = true;
        connection.client.onclose = () => drop(session);
      },
      () => drop(session),
    );
    sessions.set(key, session);
    return session;
  }

  function release(session: TSession): void {
    session.leases -= 1;
    session.lastUsedAt = performance.now();
    if (session.leases > 0 || !isCurrent(session)) return;
    session.idleTimer = setTimeout(() => void closeSession(session, "it was idle"), options.idleMs);
    session.idleTimer.unref();
    evictIdle(options.maxSessions);
  }

  /** Least recently used idle sessions close until at most `limit` remain; busy ones are never cut off. */
  function evictIdle(limit: number): void {
    const idle = [...sessions.values()].filter((session) => session.leases === 0).sort((a, b) => a.lastUsedAt - b.lastUsedAt);
    for (let excess = sessions.size - limit; excess > 0 && idle.length > 0; excess -= 1) {
      void closeSession(idle.shift()!, "too many MCP sessions were open");
    }
  }

  function isCurrent(session: TSession): boolean {
    return sessions.get(session.key) === session;
  }

  function drop(session: TSession): void {
    session.isLost = true;
    clearTimeout(session.idleTimer);
    if (isCurrent(session)) sessions.delete(session.key);
  }

  /** `reason` is what the calls still running on the session are told; none when the server itself failed. */
  async function closeSession(session: TSession, reason?: string): Promise<void> {
    if (reason !== undefined) session.closedBecause ??= reason;
    drop(session);
    const connection = await session.ready.catch(() => undefined);
    await connection?.close();
  }

  async function attempt<T>(session: TSession, request: TMcpSessionRequest, work: (client: Client) => Promise<T>): Promise<T> {
    try {
      const { client } = await untilAborted(session.ready, request.signal);
      return await work(client);
    } catch (error) {
      // A server that stopped answering, or whose HTTP session is gone, is not used again.
      if (isSessionLost(error) && !request.signal.aborted) await closeSession(session);
      throw error;
    } finally {
      release(session);
    }
  }

  return {
    async use(request, work, useOptions = {}) {
      request.signal.throwIfAborted();
      const session = acquire(request);
      try {
        return await attempt(session, request, work);
      } catch (error) {
        // A server that never connected is not retried here: the step's own retry policy decides.
        if (!session.isLost || !session.hasConnected || request.signal.aborted) throw error;
        if (session.closedBecause) throw new Error(`${describeMcpTarget(request.target)} was stopped: ${session.closedBecause}`, { cause: error });
        if (!(useOptions.isRepeatable?.() ?? true) && !isUndelivered(error)) {
          const why = error instanceof Error ? error.message : String(error);
          throw new Error(`${describeMcpTarget(request.target)} stopped answering during the call (${why}); the call was not repeated because the tool may already have acted`, { cause: error });
        }
        return attempt(acquire(request), request, work);
      }
    },
    async closeWhere(match, reason) {
      const matching = [...sessions.values()].filter((session) => match(toFacts(session)));
      await Promise.all(matching.map((session) => closeSession(session, reason)));
      return matching.length;
    },
    async close() {
      isClosed = true;
      await Promise.all([...sessions.values()].map((session) => closeSession(session, "the studio is stopping")));
    },
    sessions: () => [...sessions.values()].map(toFacts),
  };
}

function toFacts(session: TSession): TMcpSessionFacts {
  return { workspaceId: session.workspaceId, target: session.target, isBusy: session.leases > 0 };
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
