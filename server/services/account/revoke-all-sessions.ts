import type { TDbOrTx } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { endSessions } from "./end-sessions";

/** "Sign out everywhere": every session of the user ends, this browser's included. */
export async function revokeAllSessions(db: TDbOrTx, options: { userId: string }) {
  const sessionTokens = await endSessions(db, { userId: options.userId });
  studioEvents.emit("session.ended", { userId: options.userId, sessionTokens });
  return { endedSessions: sessionTokens.length };
}
