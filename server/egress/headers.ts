import type { IncomingHttpHeaders } from "node:http";
import { validateHeaderName, validateHeaderValue } from "node:http";
import { EgressError } from "./egress-error";

// Hop-by-hop headers describe one connection, not the message (RFC 9110 7.6.1); forwarding them lets a caller smuggle
// connection semantics (upgrade, chunking) past us. Host and content-length are ours to set.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);
const SET_BY_US = new Set(["host", "content-length"]);
const CREDENTIALS = new Set(["authorization", "cookie", "proxy-authorization"]);

/** Lower-cased, validated caller headers without hop-by-hop ones. Messages name the header, never its value. */
export function sanitiseRequestHeaders(headers: Record<string, string> = {}): Record<string, string> {
  // Headers the caller listed in its own Connection header are hop-by-hop too.
  const connection = Object.entries(headers).find(([name]) => name.toLowerCase() === "connection")?.[1] ?? "";
  const named = new Set(connection.toLowerCase().split(",").map((name) => name.trim()));
  const result: Record<string, string> = {};
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (HOP_BY_HOP.has(name) || SET_BY_US.has(name) || named.has(name)) continue;
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    } catch {
      throw new EgressError("BAD_REQUEST", `Header "${rawName.slice(0, 100)}" has an invalid name or value`);
    }
    result[name] = value;
  }
  return result;
}

/** Credentials are for the origin the caller named; a redirect elsewhere must not receive them. */
export function dropCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIALS.has(name)));
}

/** A body that is dropped (303, POST to GET) takes its description with it. */
export function dropContentHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith("content-")));
}

/** Response headers as one string each (repeated headers joined with ", ", as fetch does), hop-by-hop ones removed. */
export function toResponseHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    result[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return result;
}
