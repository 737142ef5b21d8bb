import { AppError } from "../../app-error";
import { toTokenHash } from "../../auth/one-time-token";
import { getPasswordResetState } from "./preview-password-reset";
import { hashPassword } from "../../auth/password";
import { assertPasswordAccepted } from "../../auth/password-policy";
import type { TDb } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { endSessions } from "../account/end-sessions";

/**
 * Sets a new password through a reset link. The link is claimed by a conditional update, so it works once; every
 * session of the user ends (whoever knew the old password is signed out). The browser then signs in afresh.
 */
export async function resetPassword(db: TDb, options: { token: string; password: string; now?: Date }): Promise<{ email: string }> {
  const now = options.now ?? new Date();
  const tokenHash = toTokenHash(options.token);
  const row = tokenHash
    ? await db.passwordResetToken.findUnique({
        where: { tokenHash },
        select: { id: true, userId: true, usedAt: true, expiresAt: true, user: { select: { email: true, name: true } } },
      })
    : null;
  if (!row) throw new AppError("NOT_FOUND", "This reset link is not valid. Check that it was copied whole.");
  const state = getPasswordResetState(row, now);
  if (state === "used") throw new AppError("CONFLICT", "This reset link was already used. Ask an admin for a new one.");
  if (state === "expired") throw new AppError("CONFLICT", "This reset link has expired. Ask an admin for a new one.");
  assertPasswordAccepted(options.password, row.user);
  const passwordHash = await hashPassword(options.password);

  const sessionTokens = await db.$transaction(async (tx) => {
    const { count } = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count === 0) throw new AppError("CONFLICT", "This reset link was already used. Ask an admin for a new one.");
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash }, select: { id: true } });
    return endSessions(tx, { userId: row.userId });
  });
  studioEvents.emit("session.ended", { userId: row.userId, sessionTokens });
  return { email: row.user.email };
}
