"use client";

import { io, type Socket } from "socket.io-client";
import { setSocketStatus, statusFromConnectError, statusFromDisconnect } from "./socket-status";

let socket: Socket | undefined;

/** One socket per browser tab, shared by every subscriber; the session cookie authenticates it. */
export function getSocket(): Socket {
  if (socket) return socket;
  setSocketStatus({ state: "connecting" });
  socket = io({ path: "/socket.io", transports: ["websocket"], withCredentials: true });
  socket.on("connect", () => setSocketStatus({ state: "connected" }));
  socket.on("connect_error", (error) => setSocketStatus(statusFromConnectError(error)));
  socket.on("disconnect", (reason) => setSocketStatus(statusFromDisconnect(reason)));
  return socket;
}

/** Identifies this tab in events, so it can ignore the echo of its own saves. */
export const TAB_ID = typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : String(Math.random());
