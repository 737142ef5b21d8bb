import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url: 43 characters, unguessable, safe in a URL path. */
const TOKEN_BYTES = 32;
export const WEBHOOK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A new webhook token with what the database keeps of it: the sha256 to look it up, and its last four characters so a
 * person can tell tokens apart. The token itself is returned to the caller once and never stored.
 */
export function generateWebhookToken(): { token: string; tokenHash: string; tokenHint: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashWebhookToken(token), tokenHint: token.slice(-4) };
}

export function hashWebhookToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
