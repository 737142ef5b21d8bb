import type { TDbOrTx } from "../../db/client";

/** "Sign out everywhere": every session of the user ends, this browser's included. */
export async function revokeAllSessions(db: TDbOrTx, options: { userId: string }) {
  const { count } = await db.session.deleteMany({ where: { userId: options.userId } });
  return { endedSessions: count };
}
