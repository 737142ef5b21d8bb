import { hashOneTimeToken, isOneTimeTokenShaped } from "../../auth/one-time-token";
import type { TDbOrTx } from "../../db/client";

export type TPasswordResetState = "valid" | "used" | "expired" | "unknown";

/** What the reset page shows for a link: for whom, and whether it still works. */
export async function previewPasswordReset(db: TDbOrTx, options: { token: string; now?: Date }): Promise<{ state: TPasswordResetState; email?: string }> {
  const row = isOneTimeTokenShaped(options.token)
    ? await db.passwordResetToken.findUnique({ where: { tokenHash: hashOneTimeToken(options.token) }, select: { usedAt: true, expiresAt: true, user: { select: { email: true } } } })
    : null;
  if (!row) return { state: "unknown" };
  const state = row.usedAt ? "used" : row.expiresAt.getTime() <= (options.now ?? new Date()).getTime() ? "expired" : "valid";
  return { state, email: row.user.email };
}
