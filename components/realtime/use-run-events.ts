"use client";

import { useEffect, useState } from "react";
import type { TSeqEvent } from "@/server/runtime/run-store";
import { getSocket } from "./socket";

export type TRunStreamEvent = TSeqEvent;
export type TRunStreamState = { events: TRunStreamEvent[]; status: "connecting" | "live" | "ended"; error?: string };

const CONNECTING: TRunStreamState = { events: [], status: "connecting" };

/**
 * A run's events from seq 1, then live. After a dropped connection the socket reconnects and re-subscribes from the
 * last seq this hook holds, so the list has no gap and, since each seq is kept once, no duplicate.
 */
export function useRunEvents(runId: string | undefined): TRunStreamState {
  // Tagged with its run, so a hook moved to another run shows nothing of the previous one.
  const [state, setState] = useState<TRunStreamState & { runId?: string }>({ events: [], status: "connecting" });

  useEffect(() => {
    if (!runId) return;
    const socket = getSocket();
    let lastSeq = 0;
    let events: TRunStreamEvent[] = [];
    // A reply to this effect's subscribe can arrive after it was cleaned up (a socket.io ack cannot be taken back).
    let isActive = true;
    const update = (change: Partial<TRunStreamState>) => {
      if (isActive) setState((current) => ({ ...(current.runId === runId ? current : CONNECTING), ...change, runId }));
    };
    const subscribe = () => {
      socket.emit("run:subscribe", { runId, afterSeq: lastSeq }, (reply: { ok: boolean; error?: string }) => {
        update(reply.ok ? { status: "live", error: undefined } : { status: "ended", error: reply.error });
      });
    };
    const onEvents = ({ events: incoming }: { events: TRunStreamEvent[] }) => {
      const fresh = incoming.filter((event) => event.runId === runId && event.seq > lastSeq);
      if (fresh.length === 0) return;
      lastSeq = fresh[fresh.length - 1]!.seq;
      events = [...events, ...fresh];
      update({ events });
    };
    const onEnded = (payload: { runId: string; reason: string }) => {
      if (payload.runId === runId) update({ status: "ended", error: payload.reason });
    };
    const onDisconnect = () => update({ status: "connecting" });
    socket.on("connect", subscribe);
    socket.on("disconnect", onDisconnect);
    socket.on("run:events", onEvents);
    socket.on("run:ended", onEnded);
    if (socket.connected) subscribe();
    return () => {
      isActive = false;
      socket.off("connect", subscribe);
      socket.off("disconnect", onDisconnect);
      socket.off("run:events", onEvents);
      socket.off("run:ended", onEnded);
      socket.emit("run:unsubscribe", { runId });
    };
  }, [runId]);

  return state.runId === runId ? state : CONNECTING;
}
