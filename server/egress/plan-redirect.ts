import { dropContentHeaders, dropCredentials } from "./headers";
import { EgressError } from "./egress-error";
import type { TEgressTarget } from "./parse-target";

/** What one hop sends. A redirect produces the next one. */
export type THop = { url: string; method: string; headers: Record<string, string>; body?: Buffer };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * The next hop for a redirect response, or undefined when the response is final. The caller re-checks the new URL from
 * scratch (scheme, allowlist, DNS): a redirect is a new request the remote side chose, not a continuation.
 */
export function planRedirect(hop: THop, from: TEgressTarget, status: number, location: string | undefined): THop | undefined {
  if (!REDIRECT_STATUSES.has(status) || location === undefined) return undefined;
  let next: URL;
  try {
    next = new URL(location, from.url);
  } catch {
    throw new EgressError("BAD_URL", `${from.hostname} redirected to an invalid location`);
  }
  // Browsers turn 303 (and POST under 301/302) into a body-less GET; 307/308 repeat the request as it was.
  const isBecomingGet = (status === 303 && hop.method !== "HEAD") || ((status === 301 || status === 302) && hop.method === "POST");
  let headers = isBecomingGet ? dropContentHeaders(hop.headers) : hop.headers;
  if (next.origin !== from.url.origin) headers = dropCredentials(headers);
  return {
    url: next.href,
    method: isBecomingGet ? "GET" : hop.method,
    headers,
    ...(isBecomingGet || hop.body === undefined ? {} : { body: hop.body }),
  };
}
