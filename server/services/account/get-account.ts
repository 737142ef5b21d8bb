import { notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";

/** The signed-in user's own account: name, email, and whether a password is set (an SSO-only account has none). */
export async function getAccount(db: TDbOrTx, options: { userId: string }) {
  const user = await db.user.findUnique({ where: { id: options.userId }, select: { email: true, name: true, passwordHash: true } });
  if (!user) throw notFound("Account");
  return { email: user.email, name: user.name, hasPassword: user.passwordHash !== null };
}
