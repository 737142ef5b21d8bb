import { createHash, randomBytes } from "node:crypto";

// Tokens of one-time links (invitations, password resets): 32 random bytes, base64url, so they fit a URL path as is.
// Like API keys, only the sha256 is stored: a database leak does not hand out working links.
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
