import { createHash, randomBytes } from "node:crypto";

// Secret tokens that travel in URLs (webhook URLs, invitation and password-reset links): 32 random bytes, base64url,
// so they fit a URL path as is. Like API keys, only the sha256 is stored: a database leak hands out no working link.
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateOneTimeToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, hash: hashOneTimeToken(token) };
}

export function hashOneTimeToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function isOneTimeTokenShaped(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** The hash to look a presented token up by; null when it cannot be one of ours (no query needed to refuse it). */
export function toTokenHash(token: string): string | null {
  return isOneTimeTokenShaped(token) ? hashOneTimeToken(token) : null;
}
