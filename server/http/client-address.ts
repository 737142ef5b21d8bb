import type { IncomingMessage } from "node:http";
import { env } from "../env";

/** Set by the studio on requests it hands to next-auth (any value the client sent is overwritten). */
export const CLIENT_ADDRESS_HEADER = "x-studio-client-address";

/**
 * The address a request came from: the connection's peer (an IPv4 peer without its `::ffff:` prefix), or, when the
 * peer is a proxy named in STUDIO_TRUSTED_PROXIES, the last address it appended to X-Forwarded-For. Without that
 * setting every request behind a proxy shares the proxy's address.
 */
export function clientAddressOf(req: IncomingMessage, trustedProxies: readonly string[] = env().trustedProxies): string {
  const peer = normalize(req.socket.remoteAddress ?? "unknown");
  if (!trustedProxies.includes(peer)) return peer;
  const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  return normalize(forwarded.at(-1) ?? peer);
}

function normalize(address: string): string {
  return address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
}
