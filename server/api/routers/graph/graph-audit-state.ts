import type { TDb } from "../../../db/client";

type TGraphAuditState = { name: string; tags: string[]; draftRevision: number; version: number | null };

/**
 * A graph as the audit log shows it before and after a change: the `fields` a procedure changes among name, tags,
 * draft revision and published version (never the spec: the input's summary gives its size). Null when the workspace
 * has no such graph.
 */
export async function graphAuditState<TField extends keyof TGraphAuditState>(
  db: TDb,
  options: { workspaceId: string; graphId: string },
  fields: readonly TField[],
): Promise<Pick<TGraphAuditState, TField> | null> {
  const graph = await db.graph.findFirst({
    where: { id: options.graphId, workspaceId: options.workspaceId, deletedAt: null },
    select: { name: true, tags: true, draftRevision: true, currentVersion: { select: { number: true } } },
  });
  if (!graph) return null;
  const state: TGraphAuditState = { name: graph.name, tags: graph.tags, draftRevision: graph.draftRevision, version: graph.currentVersion?.number ?? null };
  return Object.fromEntries(fields.map((field) => [field, state[field]])) as Pick<TGraphAuditState, TField>;
}
