import { canSeeGraph, type TWorkspaceAbility } from "@/lib/auth/abilities";
import { notFound } from "../app-error";
import { findGraphFacts, findRunGraphFacts } from "../auth/graph-access";
import type { TDbOrTx } from "../db/client";

/**
 * A graph the caller does not see (restricted to other members or roles, or outside a key's graph list) does not
 * exist for them: an input naming it, or a run of it, answers NOT_FOUND with the same message as a missing one. Every
 * procedure that takes `graphId` or `runId` passes through here; list procedures filter with the same ability.
 */
export async function checkGraphReach(db: TDbOrTx, access: { workspaceId: string; ability: TWorkspaceAbility }, input: Record<string, unknown>): Promise<void> {
  if (typeof input.graphId === "string") {
    const graph = await findGraphFacts(db, access.workspaceId, input.graphId);
    // Missing and hidden answer alike here, before the procedure's own input checks could tell them apart.
    if (!graph || !canSeeGraph(access.ability, graph)) throw notFound("Graph");
  }
  if (typeof input.runId === "string") {
    const graph = await findRunGraphFacts(db, access.workspaceId, input.runId);
    if (!graph || !canSeeGraph(access.ability, graph)) throw notFound("Run");
  }
}
