import { toTokenHash } from "../../auth/one-time-token";
import type { TDbOrTx } from "../../db/client";

export type TPasswordResetState = "valid" | "used" | "expired" | "unknown";

/** What the reset page shows for a link: for whom, and whether it still works. */
export async function previewPasswordReset(db: TDbOrTx, options: { token: string; now?: Date }): Promise<{ state: TPasswordResetState; email?: string }> {
  const tokenHash = toTokenHash(options.token);
  const row = tokenHash
    ? await db.passwordResetToken.findUnique({ where: { tokenHash }, select: { usedAt: true, expiresAt: true, user: { select: { email: true } } } })
    : null;
  if (!row) return { state: "unknown" };
  return { state: getPasswordResetState(row, options.now ?? new Date()), email: row.user.email };
}

/** A stored link's state at `now` (the reset page and the reset itself read it alike). */
export function getPasswordResetState(row: { usedAt: Date | null; expiresAt: Date }, now: Date): Exclude<TPasswordResetState, "unknown"> {
  if (row.usedAt) return "used";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "valid";
}
