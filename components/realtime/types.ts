/** Payload of the `graph.updated` socket event (server/events/studio-events.ts). */
export type TGraphUpdatedEvent = {
  workspaceId: string;
  graphId: string;
  change: "created" | "renamed" | "draft" | "published" | "deleted";
  name: string;
  draftRevision: number;
  actorId: string;
  clientId?: string;
};
