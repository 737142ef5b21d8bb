import { generateOneTimeToken } from "../../auth/one-time-token";

/**
 * A new webhook token with what the database keeps of it: the sha256 to look it up, and its last four characters so a
 * person can tell tokens apart. The token itself is returned to the caller once and never stored.
 */
export function generateWebhookToken(): { token: string; tokenHash: string; tokenHint: string } {
  const { token, hash } = generateOneTimeToken();
  return { token, tokenHash: hash, tokenHint: token.slice(-4) };
}
