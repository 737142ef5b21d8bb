// Domain events. Services emit after their transaction commits; realtime (and later telemetry) subscribe.
// Services never import socket.io: they only know this bus. In queue mode it is bridged across processes by Redis.
import { EventEmitter } from "node:events";
import type { TGraphFacts } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";

export type TGraphChange = "created" | "renamed" | "draft" | "published" | "deleted" | "access" | "tags";

export type TStudioEvents = {
  "graph.updated": {
    workspaceId: string;
    graphId: string;
    change: TGraphChange;
    name: string;
    draftRevision: number;
    actorId: string;
    /** Lets a browser tab ignore the echo of its own save. */
    clientId?: string;
  };
  /** Who sees a graph changed (restricted, opened up, other members or roles): realtime re-checks its sockets. */
  "graph.accessChanged": { workspaceId: string; graphId: string; name: string; draftRevision: number; actorId: string; before: TGraphFacts; after: TGraphFacts };
  /** A run needs an executor: new, approved or rejected. */
  "run.queued": { workspaceId: string; runId: string };
  "run.cancel_requested": { workspaceId: string; runId: string };
  /** A member left or was removed (or the workspace was deleted): their live subscriptions end, their sockets close. */
  "membership.removed": { workspaceId: string; userId: string };
  /** A member's role changed: their sockets close, so they reconnect and every room and subscription is re-checked. */
  "membership.changed": { workspaceId: string; userId: string; role: TRole };
  /** Sessions of a user were ended server-side (password change or reset, sign out elsewhere): their sockets close. */
  "session.ended": { userId: string; sessionTokens: string[] };
  /** An admin removed an approved MCP command: every process closes the sessions of its servers (agents/mcp/mcp-sessions.ts). */
  "mcp.commandRemoved": { workspaceId: string; commandId: string };
  /** An API key was revoked: sockets it opened are disconnected. */
  "apiKey.revoked": { workspaceId: string; apiKeyId: string };
};

type TListener<K extends keyof TStudioEvents> = (event: TStudioEvents[K]) => void;
export type TStudioEventName = keyof TStudioEvents;
/** Carries an event to the studio's other processes (server/scale/studio-event-bridge.ts, queue mode). */
type TForwarder = <K extends TStudioEventName>(name: K, event: TStudioEvents[K]) => void;

const emitter = new EventEmitter();
emitter.setMaxListeners(100);
let forwarder: TForwarder | undefined;

export const studioEvents = {
  /** Delivers to this process's listeners and, when processes are bridged, to every other process's. */
  emit<K extends TStudioEventName>(name: K, event: TStudioEvents[K]): void {
    emitter.emit(name, event);
    forwarder?.(name, event);
  },
  /** An event another process emitted: delivered here only. */
  receive<K extends TStudioEventName>(name: K, event: TStudioEvents[K]): void {
    emitter.emit(name, event);
  },
  on<K extends TStudioEventName>(name: K, listener: TListener<K>): () => void {
    emitter.on(name, listener);
    return () => emitter.off(name, listener);
  },
  setForwarder(next: TForwarder | undefined): void {
    forwarder = next;
  },
};
