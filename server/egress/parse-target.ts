import { isIP } from "node:net";
import { EgressError } from "./egress-error";

export type TEgressTarget = {
  url: URL;
  protocol: "http:" | "https:";
  /** As the WHATWG parser normalises it (lower case, punycode, 127.1 -> 127.0.0.1), without IPv6 brackets or trailing dot. */
  hostname: string;
  /** 4 or 6 for an IP literal, 0 for a name. */
  ipFamily: 0 | 4 | 6;
  port: number;
};

const MAX_URL_LENGTH = 8_192;
const DEFAULT_PORTS = { "http:": 80, "https:": 443 } as const;

/**
 * Parses a URL the way the request will use it. Allowlist checks must run on this normalised hostname: checking the raw
 * text would let `0x7f.1` or `2130706433` pass as "not 127.0.0.1".
 */
export function parseTarget(input: string): TEgressTarget {
  if (input.length > MAX_URL_LENGTH) throw new EgressError("BAD_URL", `The URL is longer than ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new EgressError("BAD_URL", "The URL is not valid");
  }
  const { protocol } = url;
  if (protocol !== "http:" && protocol !== "https:") {
    throw new EgressError("BAD_URL", `Only http and https URLs may be fetched, not ${protocol}`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new EgressError("BAD_URL", `Credentials in the URL are not allowed (host ${url.hostname}); send them in a header`);
  }
  const hostname = stripTrailingDot(url.hostname.replace(/^\[(.*)\]$/, "$1"));
  if (hostname === "") throw new EgressError("BAD_URL", "The URL has no host");
  const port = url.port === "" ? DEFAULT_PORTS[protocol] : Number(url.port);
  if (port === 0) throw new EgressError("BAD_URL", `Port 0 is not a valid destination (host ${hostname})`);
  return { url, protocol, hostname, ipFamily: isIP(hostname) as 0 | 4 | 6, port };
}

/** `example.com.` and `example.com` are the same DNS name; the allowlist must not tell them apart. */
export function stripTrailingDot(hostname: string): string {
  return hostname.endsWith(".") ? hostname.slice(0, -1) : hostname;
}
