import type { TDbOrTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";

export type TAuditFilter = { workspaceId: string; actor?: string; action?: string; target?: string; after?: Date; before?: Date };

/** The workspace chain's rows filtered by actor (id or label), action (prefix), target (type or id) and time. */
export function auditWhere(filter: TAuditFilter): Prisma.AuditEventWhereInput {
  const contains = (text: string) => ({ contains: text, mode: "insensitive" as const });
  return {
    chain: filter.workspaceId,
    ...(filter.actor ? { OR: [{ actorId: filter.actor }, { actorLabel: contains(filter.actor) }] } : {}),
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.target ? { AND: [{ OR: [{ targetId: filter.target }, { targetType: filter.target }] }] } : {}),
    ...(filter.after || filter.before ? { at: { ...(filter.after ? { gte: filter.after } : {}), ...(filter.before ? { lt: filter.before } : {}) } } : {}),
  };
}

/** Newest first, a page at a time (`beforeSeq` is the cursor). */
export async function listAuditEvents(db: TDbOrTx, filter: TAuditFilter & { limit: number; beforeSeq?: number }) {
  const rows = await db.auditEvent.findMany({
    where: { AND: [auditWhere(filter), filter.beforeSeq ? { seq: { lt: filter.beforeSeq } } : {}] },
    orderBy: { seq: "desc" },
    take: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  return { items: page, nextBeforeSeq: rows.length > filter.limit ? page.at(-1)!.seq : null };
}

/** Every matching row, oldest first, as JSON lines (one object per line), at most `max` rows. */
export async function exportAuditEvents(db: TDbOrTx, filter: TAuditFilter, max = 50_000): Promise<{ jsonl: string; count: number; isTruncated: boolean }> {
  const rows = await db.auditEvent.findMany({ where: auditWhere(filter), orderBy: { seq: "asc" }, take: max + 1 });
  const kept = rows.slice(0, max);
  return { jsonl: kept.map((row) => JSON.stringify(row)).join("\n") + (kept.length > 0 ? "\n" : ""), count: kept.length, isTruncated: rows.length > max };
}
