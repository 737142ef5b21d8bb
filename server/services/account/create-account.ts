import { AppError } from "../../app-error";
import { hashPassword } from "../../auth/password";
import { assertPasswordAccepted } from "../../auth/password-policy";
import type { TDbOrTx } from "../../db/client";
import { normalizeEmail } from "../invitation/invitation-summary";

export const MAX_NAME_LENGTH = 100;

/** Checks a display name: trimmed, not empty, at most 100 characters. */
export function parseAccountName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new AppError("BAD_REQUEST", "Enter your name");
  if (trimmed.length > MAX_NAME_LENGTH) throw new AppError("BAD_REQUEST", `A name has at most ${MAX_NAME_LENGTH} characters`);
  return trimmed;
}

/**
 * A new account with an email and a password that passes the policy. Callers decide who may create one (an
 * invitation, or STUDIO_SIGNUP=open). An email that already has an account is a CONFLICT: that person signs in.
 */
export async function createAccount(db: TDbOrTx, options: { email: string; name: string; password: string }): Promise<{ id: string; email: string }> {
  const email = normalizeEmail(options.email);
  const name = parseAccountName(options.name);
  assertPasswordAccepted(options.password, { email, name });
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", `An account for ${email} already exists: sign in instead`);
  return db.user.create({ data: { email, name, passwordHash: await hashPassword(options.password) }, select: { id: true, email: true } });
}
