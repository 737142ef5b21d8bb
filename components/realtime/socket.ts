"use client";

import { io, type Socket } from "socket.io-client";
import { setSocketStatus, statusFromConnectError, statusFromDisconnect } from "./socket-status";
import type { TMembershipNotice } from "./types";

let socket: Socket | undefined;
const membershipListeners = new Set<(notice: TMembershipNotice) => void>();

/** One socket per browser tab, shared by every subscriber; the session cookie authenticates it. */
export function getSocket(): Socket {
  if (socket) return socket;
  setSocketStatus({ state: "connecting" });
  const created = io({ path: "/socket.io", transports: ["websocket"], withCredentials: true });
  socket = created;
  // The server closes the socket right after this notice (role changed, removed): reconnect at once, so rooms and
  // run subscriptions are re-joined and re-checked with the membership as it is now, instead of showing a refusal.
  let isReconnectExpected = false;
  created.on("membership.changed", (notice: TMembershipNotice) => {
    isReconnectExpected = true;
    membershipListeners.forEach((listener) => listener(notice));
  });
  created.on("connect", () => setSocketStatus({ state: "connected" }));
  created.on("connect_error", (error) => setSocketStatus(statusFromConnectError(error)));
  created.on("disconnect", (reason) => {
    if (reason === "io server disconnect" && isReconnectExpected) {
      isReconnectExpected = false;
      setSocketStatus({ state: "connecting" });
      created.connect();
      return;
    }
    setSocketStatus(statusFromDisconnect(reason));
  });
  return created;
}

/**
 * Calls `listener` when the server says this user's membership of a workspace changed. Opens no socket: a page
 * without live views has none, and its next request gets the new answer anyway.
 */
export function onMembershipChanged(listener: (notice: TMembershipNotice) => void): () => void {
  membershipListeners.add(listener);
  return () => membershipListeners.delete(listener);
}

/** Identifies this tab in events, so it can ignore the echo of its own saves. */
export const TAB_ID = typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : String(Math.random());
