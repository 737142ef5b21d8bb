// The password policy for every password a person sets (invitation, sign-up, change, reset): at least 12 characters
// and a zxcvbn score of 3 ("safely unguessable") or more, judged with the common and English dictionaries and the
// person's own email and name, so "alice@acme.com2024" does not pass for strong.
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-length";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as languageCommon from "@zxcvbn-ts/language-common";
import * as languageEn from "@zxcvbn-ts/language-en";
import { AppError } from "../app-error";

export const MAX_PASSWORD_LENGTH = 256;
const MIN_SCORE = 3;

export type TPasswordVerdict = { isAccepted: true } | { isAccepted: false; reason: string };

// The dictionaries take a moment to load; built on first use, then reused.
let factory: ZxcvbnFactory | undefined;
function getFactory(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...languageCommon.dictionary, ...languageEn.dictionary },
    graphs: languageCommon.adjacencyGraphs,
    translations: languageEn.translations,
  });
  return factory;
}

export function checkPassword(password: string, personal: { email?: string; name?: string | null } = {}): TPasswordVerdict {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { isAccepted: false, reason: `Use at least ${MIN_PASSWORD_LENGTH} characters (this one has ${password.length}).` };
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return { isAccepted: false, reason: `Use at most ${MAX_PASSWORD_LENGTH} characters.` };
  }
  const userInputs = [personal.email, personal.email?.split("@")[0], personal.name ?? undefined].filter((value): value is string => !!value);
  const result = getFactory().check(password, userInputs);
  if (result.score >= MIN_SCORE) return { isAccepted: true };
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  return { isAccepted: false, reason: `Too easy to guess. ${advice || "Add another word or two; uncommon words are better."}`.trim() };
}

/** Throws BAD_REQUEST with the reason, shown beside the password field. */
export function assertPasswordAccepted(password: string, personal: { email?: string; name?: string | null } = {}): void {
  const verdict = checkPassword(password, personal);
  if (!verdict.isAccepted) throw new AppError("BAD_REQUEST", verdict.reason);
}
