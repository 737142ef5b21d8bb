// What a secret may look like, shared by the tRPC input schema and the create service (which other callers may use).

/** Environment-variable style, so a secret reads the same in a node's settings, a template and a shell. */
export const SECRET_NAME_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;
export const SECRET_NAME_RULE =
  "A secret name is 1 to 64 characters: an uppercase letter, then uppercase letters, digits or underscores (e.g. OPENAI_API_KEY)";

/** Shorter values are refused: the redactor cannot tell them apart from ordinary text (see redact.ts). */
export const MIN_SECRET_VALUE_CHARS = 8;
export const MAX_SECRET_VALUE_BYTES = 64 * 1024;

/** Values of 12+ characters keep their last 4 for display; shorter ones would give away too large a share. */
const HINT_MIN_CHARS = 12;
const HINT_CHARS = 4;
const MASK = "••••";

export function createSecretHint(value: string): string {
  const chars = [...value];
  return chars.length >= HINT_MIN_CHARS ? chars.slice(-HINT_CHARS).join("") : "";
}

export function maskSecretHint(hint: string): string {
  return `${MASK}${hint}`;
}
