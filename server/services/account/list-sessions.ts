import type { TDbOrTx } from "../../db/client";

/** The user's signed-in browsers, newest first, by id (a session token never leaves the server). */
export async function listSessions(db: TDbOrTx, options: { userId: string; currentSessionToken: string; now?: Date }) {
  const rows = await db.session.findMany({
    where: { userId: options.userId, expires: { gt: options.now ?? new Date() } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, sessionToken: true, createdAt: true, expires: true, userAgent: true },
  });
  return rows.map(({ sessionToken, ...session }) => ({ ...session, isCurrent: sessionToken === options.currentSessionToken }));
}
