import { readGraphDocument } from "@/lib/graph";
import type { TDbOrTx } from "../../db/client";
import { findGraphOrThrow } from "./find-graph";

export async function getGraph(db: TDbOrTx, options: { workspaceId: string; graphId: string }) {
  const graph = await findGraphOrThrow(db, options, {
    id: true,
    name: true,
    draft: true,
    draftRevision: true,
    updatedAt: true,
    isRestricted: true,
    allowedRoles: true,
    allowedUserIds: true,
    currentVersion: { select: { number: true, hash: true, createdAt: true } },
  });
  return { ...graph, draft: readGraphDocument(graph.draft) };
}
