/** Payload of the `graph.updated` socket event (server/events/studio-events.ts). */
export type TGraphUpdatedEvent = {
  workspaceId: string;
  graphId: string;
  change: "created" | "renamed" | "draft" | "published" | "deleted" | "access" | "tags";
  name: string;
  draftRevision: number;
  actorId: string;
  clientId?: string;
};

/** Payload of the `membership.changed` socket event: sent just before the server closes the socket on purpose. */
export type TMembershipNotice = { workspaceId: string; change: "role" | "removed" };
