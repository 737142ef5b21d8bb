"use client";

import { useEffect, useState } from "react";
import type { TSeqEvent } from "@/server/runtime/run-store";
import { useTRPCClient } from "../trpc/trpc";
import { getSocket } from "./socket";
import { getSocketStatus } from "./socket-status";

export type TRunStreamEvent = TSeqEvent;
/** `polling`: the socket is refused or lost, and the events come from the API every few seconds instead. */
export type TRunStreamState = { events: TRunStreamEvent[]; status: "connecting" | "live" | "polling" | "ended"; error?: string };

const CONNECTING: TRunStreamState = { events: [], status: "connecting" };
const POLL_MS = 2_000;
const END_TYPES = new Set(["run.completed", "run.failed", "run.cancelled"]);

/**
 * A run's events from seq 1, then live. After a dropped connection the socket reconnects and re-subscribes from the
 * last seq this hook holds, so the list has no gap and, since each seq is kept once, no duplicate. While the socket
 * is refused or lost, the same list is filled from `run.events` every 2 s, from the same last seq.
 */
export function useRunEvents(workspaceId: string | undefined, runId: string | undefined): TRunStreamState {
  const client = useTRPCClient();
  // Tagged with its run, so a hook moved to another run shows nothing of the previous one.
  const [state, setState] = useState<TRunStreamState & { runId?: string }>({ events: [], status: "connecting" });

  useEffect(() => {
    if (!runId || !workspaceId) return;
    const socket = getSocket();
    let lastSeq = 0;
    let events: TRunStreamEvent[] = [];
    let hasEnded = false;
    let pollTimer: ReturnType<typeof setTimeout> | undefined;
    // A reply to this effect's subscribe can arrive after it was cleaned up (a socket.io ack cannot be taken back).
    let isActive = true;
    const update = (change: Partial<TRunStreamState>) => {
      if (isActive) setState((current) => ({ ...(current.runId === runId ? current : CONNECTING), ...change, runId }));
    };
    const subscribe = () => {
      socket.emit("run:subscribe", { runId, afterSeq: lastSeq }, (reply: { ok: boolean; error?: string }) => {
        if (!reply.ok) hasEnded = true;
        update(reply.ok ? { status: "live", error: undefined } : { status: "ended", error: reply.error });
      });
    };
    const onEvents = ({ events: incoming }: { events: TRunStreamEvent[] }) => {
      const fresh = incoming.filter((event) => event.runId === runId && event.seq > lastSeq);
      if (fresh.length === 0) return;
      lastSeq = fresh[fresh.length - 1]!.seq;
      events = [...events, ...fresh];
      hasEnded ||= fresh.some((event) => END_TYPES.has(event.type));
      update({ events });
    };
    const poll = async () => {
      if (!isActive || hasEnded) return;
      if (getSocketStatus().state !== "connected") {
        try {
          const page = await client.run.events.query({ workspaceId, runId, afterSeq: lastSeq, limit: 1_000 });
          if (!isActive) return;
          onEvents({ events: page.events.map((event) => ({ ...event, runId, ts: Date.parse(String(event.ts)) }) as TRunStreamEvent) });
          if (getSocketStatus().state !== "connected") update({ status: "polling" });
        } catch {
          // The API is down too: the next tick tries again, the banner already says the studio is unreachable.
        }
      }
      if (isActive && !hasEnded) pollTimer = setTimeout(() => void poll(), POLL_MS);
    };
    const onEnded = (payload: { runId: string; reason: string }) => {
      if (payload.runId !== runId) return;
      // The server ended this stream (access revoked, say): polling would only be refused too.
      hasEnded = true;
      update({ status: "ended", error: payload.reason });
    };
    const onDisconnect = () => update({ status: "connecting" });
    socket.on("connect", subscribe);
    socket.on("disconnect", onDisconnect);
    socket.on("run:events", onEvents);
    socket.on("run:ended", onEnded);
    if (socket.connected) subscribe();
    pollTimer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      isActive = false;
      clearTimeout(pollTimer);
      socket.off("connect", subscribe);
      socket.off("disconnect", onDisconnect);
      socket.off("run:events", onEvents);
      socket.off("run:ended", onEnded);
      socket.emit("run:unsubscribe", { runId });
    };
  }, [client, workspaceId, runId]);

  return state.runId === runId ? state : CONNECTING;
}
