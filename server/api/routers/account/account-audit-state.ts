import type { TDb } from "../../../db/client";

/** How many browsers the user is signed in on: what signing out and password changes move in the audit log. */
export async function sessionCount(db: TDb, userId: string): Promise<{ sessions: number }> {
  return { sessions: await db.session.count({ where: { userId } }) };
}
