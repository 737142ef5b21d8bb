import type { TDbOrTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";

/**
 * Deletes the user's sessions matching `where` and returns their tokens, for the caller to emit `session.ended` after
 * its transaction commits: the browsers are refused on their next request, and their open sockets close at once.
 */
export async function endSessions(db: TDbOrTx, options: { userId: string; where?: Prisma.SessionWhereInput }): Promise<string[]> {
  const where = { ...options.where, userId: options.userId };
  const sessions = await db.session.findMany({ where, select: { sessionToken: true } });
  const sessionTokens = sessions.map((session) => session.sessionToken);
  await db.session.deleteMany({ where: { userId: options.userId, sessionToken: { in: sessionTokens } } });
  return sessionTokens;
}
