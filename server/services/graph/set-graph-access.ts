import { canOnGraph, canSeeGraph, type TGraphFacts, type TWorkspaceAbility } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import { AppError, notFound } from "../../app-error";
import { GRAPH_FACTS_SELECT } from "../../auth/graph-access";
import type { TDb, TTx } from "../../db/client";
import { studioEvents } from "../../events/studio-events";

export type TGraphAccessInput = { isRestricted: boolean; allowedRoles: TRole[]; allowedUserIds: string[] };

/**
 * Who sees a graph: everyone in the workspace, or (restricted) owners plus the named roles and members. Members named
 * must belong to the workspace, and the caller must still see the graph afterwards (no locking oneself out). Sockets
 * are re-checked by realtime on `graph.accessChanged`.
 */
export async function setGraphAccess(db: TDb, options: { workspaceId: string; graphId: string; actorId: string; actorAbility: TWorkspaceAbility; access: TGraphAccessInput }): Promise<{ before: TGraphFacts; after: TGraphFacts }> {
  const { workspaceId, graphId, actorId } = options;
  const { changed, name, draftRevision } = await db.$transaction(async (tx) => {
    const graph = await tx.graph.findFirst({ where: { id: graphId, workspaceId, deletedAt: null }, select: { ...GRAPH_FACTS_SELECT, name: true, draftRevision: true } });
    if (!graph || !canSeeGraph(options.actorAbility, graph)) throw notFound("Graph");
    if (!canOnGraph(options.actorAbility, "restrict", graph)) throw new AppError("FORBIDDEN", "Only members who manage members can change who sees a graph");
    const after = await normalizeAccess(tx, workspaceId, options.access);
    // Restricting is for signed-in members only (never a key), so the caller's ability is their own.
    if (!canSeeGraph(options.actorAbility, { id: graph.id, ...after })) {
      throw new AppError("BAD_REQUEST", "You would no longer see this graph: add yourself or your role");
    }
    const updated = await tx.graph.update({ where: { id: graph.id }, data: { ...after, updatedById: actorId }, select: GRAPH_FACTS_SELECT });
    const { name: graphName, draftRevision: revision, ...before } = graph;
    return { changed: { before, after: updated }, name: graphName, draftRevision: revision };
  });
  studioEvents.emit("graph.accessChanged", { workspaceId, graphId, name, draftRevision, actorId, ...changed });
  return changed;
}

/** Owners always see every graph, so naming their role adds nothing; an open graph keeps no lists. */
async function normalizeAccess(tx: TTx, workspaceId: string, access: TGraphAccessInput): Promise<Omit<TGraphFacts, "id">> {
  if (!access.isRestricted) return { isRestricted: false, allowedRoles: [], allowedUserIds: [] };
  const allowedRoles = [...new Set(access.allowedRoles)].filter((role) => role !== "owner");
  const allowedUserIds = [...new Set(access.allowedUserIds)];
  const members = await tx.membership.findMany({ where: { workspaceId, userId: { in: allowedUserIds } }, select: { userId: true } });
  const strangers = allowedUserIds.filter((userId) => !members.some((member) => member.userId === userId));
  if (strangers.length > 0) throw new AppError("BAD_REQUEST", `Not members of this workspace: ${strangers.join(", ")}`);
  return { isRestricted: true, allowedRoles, allowedUserIds };
}
