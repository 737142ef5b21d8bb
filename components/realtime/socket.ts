"use client";

import { io, type Socket } from "socket.io-client";

let socket: Socket | undefined;

/** One socket per browser tab, shared by every subscriber; the session cookie authenticates it. */
export function getSocket(): Socket {
  socket ??= io({ path: "/socket.io", transports: ["websocket"], withCredentials: true });
  return socket;
}

/** Identifies this tab in events, so it can ignore the echo of its own saves. */
export const TAB_ID = typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : String(Math.random());
