import type { TDbOrTx } from "../../db/client";

/** `lastActiveAt` is a hint on the members page, not an audit trail: one write a minute per membership at most. */
const LAST_ACTIVE_RESOLUTION_MS = 60_000;

export function isActivityStale(lastActiveAt: Date | null, now: Date): boolean {
  return !lastActiveAt || now.getTime() - lastActiveAt.getTime() >= LAST_ACTIVE_RESOLUTION_MS;
}

/** Records that a member made a request in the workspace; conditional, so concurrent requests write once. */
export async function recordMemberActivity(db: TDbOrTx, options: { workspaceId: string; userId: string; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  const staleBefore = new Date(now.getTime() - LAST_ACTIVE_RESOLUTION_MS);
  await db.membership.updateMany({
    where: { workspaceId: options.workspaceId, userId: options.userId, OR: [{ lastActiveAt: null }, { lastActiveAt: { lte: staleBefore } }] },
    data: { lastActiveAt: now },
  });
}
