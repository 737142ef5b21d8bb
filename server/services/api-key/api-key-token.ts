import { createHash, randomBytes } from "node:crypto";

// `ocs_<prefix>_<secret>`: a recognisable type tag (secret scanners and people can tell what leaked), 8 hex
// characters to tell keys apart in lists, then 32 random bytes base64url. The prefix carries no secret.
const PREFIX_BYTES = 4;
const SECRET_BYTES = 32;
export const API_KEY_PATTERN = /^ocs_([0-9a-f]{8})_[A-Za-z0-9_-]{43}$/;

/** A new key with what the database keeps of it. The key itself is returned to its creator once and never stored. */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(PREFIX_BYTES).toString("hex");
  const key = `ocs_${prefix}_${randomBytes(SECRET_BYTES).toString("base64url")}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function isApiKeyShaped(value: string): boolean {
  return API_KEY_PATTERN.test(value);
}
