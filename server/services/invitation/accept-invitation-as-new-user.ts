import { AppError } from "../../app-error";
import { toTokenHash } from "../../auth/one-time-token";
import type { TDb } from "../../db/client";
import { createAccount } from "../account/create-account";
import { acceptInvitation } from "./accept-invitation";

/**
 * A person without an account accepts: the account is created for the invited email with their name and password
 * (password policy applies) and joins, in one transaction, so a refused invitation leaves no account behind. The
 * browser then signs in with the same email and password.
 */
export async function acceptInvitationAsNewUser(
  db: TDb,
  options: { token: string; name: string; password: string; now?: Date },
): Promise<{ workspaceSlug: string; email: string }> {
  const tokenHash = toTokenHash(options.token);
  const invitation = tokenHash
    ? await db.invitation.findUnique({ where: { tokenHash }, select: { email: true } })
    : null;
  if (!invitation) throw new AppError("NOT_FOUND", "This invitation link is not valid. Check that it was copied whole.");
  const { email } = invitation;
  return db.$transaction(async (tx) => {
    const user = await createAccount(tx, { email, name: options.name, password: options.password });
    const { workspaceSlug } = await acceptInvitation(tx, { token: options.token, user, now: options.now });
    return { workspaceSlug, email };
  });
}
