import { AppError } from "../../app-error";
import { hashPassword, verifyPassword } from "../../auth/password";
import { assertPasswordAccepted } from "../../auth/password-policy";
import type { TDb } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { endSessions } from "./end-sessions";

/**
 * Changes the user's password after checking the current one, then ends every other session of the user (their
 * Session rows go, so those browsers and their sockets are signed out on their next request). The session that made
 * the change stays signed in.
 */
export async function changePassword(
  db: TDb,
  options: { userId: string; currentSessionToken: string; currentPassword: string; newPassword: string },
): Promise<{ endedSessions: number }> {
  const user = await db.user.findUnique({ where: { id: options.userId }, select: { email: true, name: true, passwordHash: true } });
  if (!user?.passwordHash) throw new AppError("BAD_REQUEST", "This account signs in without a password");
  if (!(await verifyPassword(user.passwordHash, options.currentPassword))) {
    throw new AppError("BAD_REQUEST", "The current password is not correct");
  }
  assertPasswordAccepted(options.newPassword, user);
  const passwordHash = await hashPassword(options.newPassword);
  const sessionTokens = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: options.userId }, data: { passwordHash }, select: { id: true } });
    return endSessions(tx, { userId: options.userId, where: { sessionToken: { not: options.currentSessionToken } } });
  });
  studioEvents.emit("session.ended", { userId: options.userId, sessionTokens });
  return { endedSessions: sessionTokens.length };
}
