import { notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";

/** Signs one of the user's own browsers out (another user's session id is NOT_FOUND). */
export async function revokeSession(db: TDbOrTx, options: { userId: string; sessionId: string }) {
  const { count } = await db.session.deleteMany({ where: { id: options.sessionId, userId: options.userId } });
  if (count === 0) throw notFound("Session");
  return { sessionId: options.sessionId };
}
