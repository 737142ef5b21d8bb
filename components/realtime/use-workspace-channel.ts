"use client";

import { useEffect, useRef } from "react";
import { getSocket } from "./socket";
import type { TGraphUpdatedEvent } from "./types";

export type TWorkspaceHandlers = { onGraphUpdated?: (event: TGraphUpdatedEvent) => void };

/** Joins the workspace's room (again after every reconnect) and routes its events to the given handlers. */
export function useWorkspaceChannel(workspaceId: string | undefined, handlers: TWorkspaceHandlers): void {
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    if (!workspaceId) return;
    const socket = getSocket();
    const join = () => socket.emit("workspace:join", { workspaceId }, () => undefined);
    const onGraphUpdated = (event: TGraphUpdatedEvent) => {
      if (event.workspaceId === workspaceId) handlersRef.current.onGraphUpdated?.(event);
    };
    socket.on("connect", join);
    socket.on("graph.updated", onGraphUpdated);
    if (socket.connected) join();
    return () => {
      socket.off("connect", join);
      socket.off("graph.updated", onGraphUpdated);
      socket.emit("workspace:leave", { workspaceId });
    };
  }, [workspaceId]);
}
