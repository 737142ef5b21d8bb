// `run:subscribe {runId, afterSeq}`: authorized per run (a member of the run's workspace, or a key of that workspace,
// who sees the run's graph: lib/auth/abilities.ts), backfilled from the database and the hub's recent memory,
// then live. Each event goes out once, in seq order, with no gap: the live
// listener is registered before the backfill and buffers until the backfill is sent.
import type { Socket } from "socket.io";
import { z } from "zod";
import { canSeeGraph } from "@/lib/auth/abilities";
import { GRAPH_FACTS_SELECT } from "../../auth/graph-access";
import { actorIdOf, getWorkspaceAccess, type TPrincipal } from "../../auth/principal";
import type { TDb } from "../../db/client";
import type { TSeqEvent } from "../../runtime/run-store";
import type { TRunEventHub } from "./run-event-hub";
import { createSocketBatcher } from "./socket-batcher";
import { rowToSeqEvent, truncateForStream } from "./to-seq-event";

const BACKFILL_PAGE = 1_000;
/** Subscriptions one socket may hold at once (a run page, a live canvas, a compare view). */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;

const ZSubscribe = z.object({ runId: z.string().min(1).max(64), afterSeq: z.number().int().min(0).default(0) }).strict();
const ZUnsubscribe = z.object({ runId: z.string().min(1).max(64) }).strict();

type TReply = { ok: true; workspaceId: string } | { ok: false; error: string };
type TSubscription = { workspaceId: string; lastSeq: number; stop: () => void };

export function attachRunSubscriptions(options: { db: TDb; hub: TRunEventHub; principalOf: (socket: Socket) => TPrincipal; frameMs?: number }) {
  // Keyed by the acting user: a key's sockets sit under its creator, whose removal ends them too.
  const socketsByUser = new Map<string, Set<{ socket: Socket; subscriptions: Map<string, TSubscription> }>>();

  function onConnection(socket: Socket): void {
    const subscriptions = new Map<string, TSubscription>();
    /** Unsubscribes per run so far: a subscribe still being authorized when one arrives gives up. */
    const unsubscribed = new Map<string, number>();
    const entry = { socket, subscriptions };
    const principal = options.principalOf(socket);
    const userId = actorIdOf(principal);
    const userSockets = socketsByUser.get(userId) ?? new Set();
    userSockets.add(entry);
    socketsByUser.set(userId, userSockets);
    const batcher = createSocketBatcher((events) => socket.emit("run:events", { events }), options.frameMs);

    const deliver = (runId: string, events: TSeqEvent[]) => {
      const subscription = subscriptions.get(runId);
      if (!subscription) return;
      const fresh = events.filter((event) => event.seq > subscription.lastSeq);
      if (fresh.length === 0) return;
      subscription.lastSeq = fresh[fresh.length - 1]!.seq;
      batcher.push(fresh.map(truncateForStream));
    };

    socket.on("run:subscribe", (payload: unknown, ack: unknown) => {
      void subscribe(payload).then(
        (reply) => typeof ack === "function" && ack(reply),
        () => typeof ack === "function" && ack({ ok: false, error: "INTERNAL" }),
      );
    });
    socket.on("run:unsubscribe", (payload: unknown) => {
      const parsed = ZUnsubscribe.safeParse(payload);
      if (!parsed.success) return;
      unsubscribed.set(parsed.data.runId, (unsubscribed.get(parsed.data.runId) ?? 0) + 1);
      subscriptions.get(parsed.data.runId)?.stop();
      subscriptions.delete(parsed.data.runId);
    });
    socket.on("disconnect", () => {
      for (const subscription of subscriptions.values()) subscription.stop();
      subscriptions.clear();
      batcher.stop();
      userSockets.delete(entry);
      if (userSockets.size === 0) socketsByUser.delete(userId);
    });

    async function subscribe(payload: unknown): Promise<TReply> {
      const parsed = ZSubscribe.safeParse(payload);
      if (!parsed.success) return { ok: false, error: "BAD_REQUEST" };
      const { runId, afterSeq } = parsed.data;
      if (!subscriptions.has(runId) && subscriptions.size >= MAX_SUBSCRIPTIONS_PER_SOCKET) return { ok: false, error: "TOO_MANY_SUBSCRIPTIONS" };
      const epoch = unsubscribed.get(runId) ?? 0;
      const run = await options.db.run.findUnique({ where: { id: runId }, select: { workspaceId: true, graph: { select: GRAPH_FACTS_SELECT } } });
      const access = run && (await getWorkspaceAccess(options.db, principal, run.workspaceId));
      // A run of another workspace, or of a graph the caller does not see, answers exactly like a missing one.
      if (!run || !access || !access.ability.can("run:read", "Workspace") || !canSeeGraph(access.ability, run.graph)) return { ok: false, error: "NOT_FOUND" };
      // The client unsubscribed while this request was being authorized (a view that unmounted at once).
      if ((unsubscribed.get(runId) ?? 0) !== epoch) return { ok: false, error: "UNSUBSCRIBED" };
      subscriptions.get(runId)?.stop();

      const buffered: TSeqEvent[] = [];
      let isLive = false;
      const stopListening = options.hub.subscribe(runId, (event) => (isLive ? deliver(runId, [event]) : buffered.push(event)));
      const subscription: TSubscription = { workspaceId: run.workspaceId, lastSeq: afterSeq, stop: stopListening };
      subscriptions.set(runId, subscription);
      // An unsubscribe (or a newer subscribe) while the backfill reads replaces this entry: then it stops here.
      const isCurrent = () => subscriptions.get(runId) === subscription;
      try {
        for (let after = afterSeq; ; ) {
          const rows = await options.db.runEvent.findMany({ where: { runId, seq: { gt: after } }, orderBy: { seq: "asc" }, take: BACKFILL_PAGE });
          if (!isCurrent()) return { ok: true, workspaceId: run.workspaceId };
          deliver(runId, rows.map(rowToSeqEvent));
          if (rows.length < BACKFILL_PAGE) break;
          after = rows[rows.length - 1]!.seq;
        }
      } catch (error) {
        stopListening();
        if (isCurrent()) subscriptions.delete(runId);
        throw error;
      }
      deliver(runId, options.hub.recentAfter(runId, subscription.lastSeq));
      deliver(runId, buffered);
      isLive = true;
      return { ok: true, workspaceId: run.workspaceId };
    }
  }

  return {
    onConnection,
    /** A member removed from a workspace stops receiving its runs at once, on every socket they have open. */
    endWorkspaceSubscriptions(workspaceId: string, userId: string): void {
      for (const { socket, subscriptions } of socketsByUser.get(userId) ?? []) {
        for (const [runId, subscription] of subscriptions) {
          if (subscription.workspaceId !== workspaceId) continue;
          subscription.stop();
          subscriptions.delete(runId);
          socket.emit("run:ended", { runId, reason: "FORBIDDEN" });
        }
      }
    },
  };
}
