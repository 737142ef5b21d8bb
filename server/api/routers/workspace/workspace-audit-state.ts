import type { TDb } from "../../../db/client";

/** A workspace as the audit log shows it before and after a change: its name and slug. */
export function workspaceAuditState(db: TDb, workspaceId: string) {
  return db.workspace.findUnique({ where: { id: workspaceId }, select: { name: true, slug: true } });
}
