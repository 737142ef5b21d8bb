import type { TDb } from "../../../db/client";

/**
 * A run as the audit log shows it before and after a change: its number, status and whether a cancel was requested;
 * null when the workspace has no such run.
 */
export function runAuditState(db: TDb, options: { workspaceId: string; runId: string }) {
  return db.run.findFirst({ where: { id: options.runId, workspaceId: options.workspaceId }, select: { number: true, status: true, cancelRequested: true } });
}
