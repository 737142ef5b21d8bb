import { AppError } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { createAccount } from "./create-account";

export type TSignUpPolicy = "invite" | "open";

/**
 * Self-service sign-up, allowed only when STUDIO_SIGNUP=open; the new account belongs to no workspace until it
 * creates one or accepts an invitation. Under `invite` every account starts from an invitation link.
 */
export async function signUp(db: TDbOrTx, options: { policy: TSignUpPolicy; email: string; name: string; password: string }) {
  if (options.policy !== "open") throw new AppError("FORBIDDEN", "Sign-up is by invitation: ask a workspace admin to invite you");
  const user = await createAccount(db, options);
  return { email: user.email };
}
