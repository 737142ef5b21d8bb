"use client";

import { useEffect, useState } from "react";
import { getSocket } from "./socket";

export type TPresenceUser = { id: string; name: string };

/** Who has this graph open right now (this user included), kept current by the server's `graph.presence` events. */
export function useGraphPresence(workspaceId: string, graphId: string): TPresenceUser[] {
  const [users, setUsers] = useState<TPresenceUser[]>([]);
  useEffect(() => {
    const socket = getSocket();
    const watch = () => socket.emit("graph:watch", { workspaceId, graphId }, () => undefined);
    const onPresence = (event: { graphId: string; users: TPresenceUser[] }) => {
      if (event.graphId === graphId) setUsers(event.users);
    };
    socket.on("connect", watch);
    socket.on("graph.presence", onPresence);
    if (socket.connected) watch();
    return () => {
      socket.off("connect", watch);
      socket.off("graph.presence", onPresence);
      socket.emit("graph:unwatch", { workspaceId, graphId });
    };
  }, [graphId, workspaceId]);
  return users;
}
