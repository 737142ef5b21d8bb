import { notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { endSessions } from "./end-sessions";

/** Signs one of the user's own browsers out (another user's session id is NOT_FOUND). */
export async function revokeSession(db: TDbOrTx, options: { userId: string; sessionId: string }) {
  const sessionTokens = await endSessions(db, { userId: options.userId, where: { id: options.sessionId } });
  if (sessionTokens.length === 0) throw notFound("Session");
  studioEvents.emit("session.ended", { userId: options.userId, sessionTokens });
  return { sessionId: options.sessionId };
}
