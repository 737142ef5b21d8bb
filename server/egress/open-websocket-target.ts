// The egress check for a WebSocket (an OpenClaw gateway connection): the same guard as an HTTP hop, ws:// checked as
// http:// and wss:// as https://, and the socket pinned to the checked addresses.
import type { LookupFunction } from "node:net";
import { checkHostAllowed, checkResolvedAddresses, compileAllowlist } from "./allowlist";
import { EgressError } from "./egress-error";
import type { TEgressPolicy } from "./egress-fetch";
import { parseTarget, type TEgressTarget } from "./parse-target";
import { resolveHost, type TResolveHost } from "./resolve-host";
import { pinLookup } from "./send-request";

export type TWebSocketTarget = { url: string; target: TEgressTarget; lookup: LookupFunction; servername: string | undefined };

const TO_HTTP: Record<string, string> = { "ws:": "http:", "wss:": "https:" };

/**
 * Checks a ws:// or wss:// URL against the workspace's allowlist and resolves it once: the caller opens its socket with
 * `lookup` (only the checked addresses) and never follows redirects, so DNS cannot answer differently the second time.
 */
export async function checkWebSocketTarget(url: string, policy: TEgressPolicy, options: { resolveHost?: TResolveHost } = {}): Promise<TWebSocketTarget> {
  const scheme = /^([a-z]+:)/i.exec(url)?.[1]?.toLowerCase() ?? "";
  const httpScheme = TO_HTTP[scheme];
  if (!httpScheme) throw new EgressError("BAD_URL", `Only ws and wss URLs may be opened as a WebSocket, not ${scheme || "this URL"}`);
  const target = parseTarget(httpScheme + url.slice(scheme.length));
  const match = checkHostAllowed(compileAllowlist(policy.allowedHosts), target);
  let addresses;
  try {
    addresses = target.ipFamily !== 0 ? [{ address: target.hostname, family: target.ipFamily }] : await (options.resolveHost ?? resolveHost)(target.hostname);
  } catch (error) {
    throw new EgressError("NETWORK", `Could not resolve ${target.hostname}: ${(error as { code?: string }).code ?? "lookup failed"}`, { cause: error });
  }
  if (addresses.length === 0) throw new EgressError("NETWORK", `Could not resolve ${target.hostname} to usable addresses`);
  checkResolvedAddresses(target, addresses.map((entry) => entry.address), match);
  return { url: `${scheme}//${target.url.host}${target.url.pathname}${target.url.search}`, target, lookup: pinLookup(addresses), servername: target.ipFamily === 0 ? target.hostname : undefined };
}
