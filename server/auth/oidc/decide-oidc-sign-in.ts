import type { TOidcRefusal } from "@/lib/auth/sign-in-errors";

export type TOidcSignInDecision =
  | { kind: "refuse"; reason: TOidcRefusal }
  /** The provider account was linked before: that user. */
  | { kind: "linked"; userId: string }
  /** A studio user has this verified address: link the provider account to them. */
  | { kind: "link"; userId: string }
  /** Nobody has this verified address: a new user. */
  | { kind: "create" };

/**
 * Who an OIDC sign-in is, as the one rule every caller uses. A verified address is required every time, even for an
 * account linked before: the allowlist is checked on the address, and an unverified one proves nothing about it.
 * An unverified address never links to the user who has it (that would let anyone who can type an address at some
 * provider take over its studio account), and never creates a user (who would then own invitations sent to it).
 */
export function decideOidcSignIn(input: {
  email: string | undefined;
  isEmailVerified: boolean;
  isDomainAllowed: boolean;
  linkedUserId: string | undefined;
  userIdWithEmail: string | undefined;
}): TOidcSignInDecision {
  if (!input.email) return { kind: "refuse", reason: "OidcEmailMissing" };
  if (!input.isEmailVerified) return { kind: "refuse", reason: "OidcEmailUnverified" };
  if (!input.isDomainAllowed) return { kind: "refuse", reason: "OidcEmailDomain" };
  if (input.linkedUserId) return { kind: "linked", userId: input.linkedUserId };
  if (input.userIdWithEmail) return { kind: "link", userId: input.userIdWithEmail };
  return { kind: "create" };
}
