// The database side of graph visibility: the facts the policy (lib/auth/abilities.ts) reads of a graph, looked up by
// graph or by run, and the graphs a caller cannot see, for queries written in SQL.
import { accessibleBy } from "@casl/prisma/runtime";
import { canSeeGraph, type TGraphFacts, type TWorkspaceAbility } from "@/lib/auth/abilities";
import type { TDbOrTx } from "../db/client";
import type { Prisma } from "../db/generated/client";

export const GRAPH_FACTS_SELECT = { id: true, isRestricted: true, allowedRoles: true, allowedUserIds: true } as const;

/** A graph of the workspace (deleted ones included: their runs stay in the history), or null. */
export function findGraphFacts(db: TDbOrTx, workspaceId: string, graphId: string): Promise<TGraphFacts | null> {
  return db.graph.findFirst({ where: { id: graphId, workspaceId }, select: GRAPH_FACTS_SELECT });
}

/** The graph a run of the workspace belongs to, or null when there is no such run. */
export async function findRunGraphFacts(db: TDbOrTx, workspaceId: string, runId: string): Promise<TGraphFacts | null> {
  const run = await db.run.findFirst({ where: { id: runId, workspaceId }, select: { graph: { select: GRAPH_FACTS_SELECT } } });
  return run?.graph ?? null;
}

/** A Prisma condition for the graphs the caller sees: list queries add it beside their own `where`. */
export function visibleGraphsWhere(ability: TWorkspaceAbility): Prisma.GraphWhereInput {
  // The ability's conditions are typed as plain records (the policy module is shared with the browser, which has no
  // Prisma types); the conditions are Prisma `where` objects of Graph, so the query is one.
  const records = accessibleBy(ability, "read") as unknown as { ofType(type: "Graph"): Prisma.GraphWhereInput };
  return records.ofType("Graph");
}

/**
 * Which runs the caller sees, for the run history's SQL: those of the key's graph list (when it has one) minus the
 * restricted graphs the caller does not see (few: restriction is the exception).
 */
export async function findRunGraphScope(db: TDbOrTx, access: { workspaceId: string; ability: TWorkspaceAbility; graphIds: string[] }): Promise<TRunGraphScope> {
  const restricted = await db.graph.findMany({ where: { workspaceId: access.workspaceId, isRestricted: true }, select: GRAPH_FACTS_SELECT });
  const hiddenGraphIds = restricted.filter((graph) => !canSeeGraph(access.ability, graph)).map((graph) => graph.id);
  return { onlyGraphIds: access.graphIds.length > 0 ? access.graphIds : undefined, hiddenGraphIds };
}

export type TRunGraphScope = { onlyGraphIds?: string[]; hiddenGraphIds: string[] };
