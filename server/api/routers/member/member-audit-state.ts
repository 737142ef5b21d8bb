import type { TDb } from "../../../db/client";

/** A member as the audit log shows them before a change: who (email) and their role; null when not a member. */
export async function memberAuditState(db: TDb, options: { workspaceId: string; userId: string }) {
  const membership = await db.membership.findFirst({ where: options, select: { role: true, user: { select: { email: true } } } });
  return membership ? { userId: options.userId, email: membership.user.email, role: membership.role } : null;
}
