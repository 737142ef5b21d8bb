// How a failed request tells the session pool about its server: gone (do not use the session again) and, narrower,
// gone before the request reached it (repeating the request cannot act twice).
import { StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { EgressError } from "../../egress";
import { McpServerNotRunningError } from "./stdio-transport";

/**
 * The HTTP statuses a server answers a session's request with when it no longer knows the session (it restarted):
 * 404 per the specification, 400 from servers built on the SDK's examples (the reference server among them). Either
 * way the transport refused the message, so nothing acted on it; a request that is bad in itself fails again on the
 * fresh session, with the same answer.
 */
const UNKNOWN_SESSION_STATUSES = new Set([400, 404]);

/** The server exited, stopped answering, or cannot be reached: a fresh session is needed. */
export function isSessionLost(error: unknown): boolean {
  if (error instanceof McpError) return error.code === ErrorCode.ConnectionClosed || error.code === ErrorCode.RequestTimeout;
  return error instanceof McpServerNotRunningError || (error instanceof EgressError && error.code === "NETWORK") || isUnknownHttpSession(error);
}

/** The request provably never reached a server that could act on it. */
export function isUndelivered(error: unknown): boolean {
  if (error instanceof McpServerNotRunningError || isUnknownHttpSession(error)) return true;
  return error instanceof EgressError && error.code === "NETWORK" && (error.cause as { code?: unknown } | undefined)?.code === "ECONNREFUSED";
}

function isUnknownHttpSession(error: unknown): boolean {
  return error instanceof StreamableHTTPError && error.code !== undefined && UNKNOWN_SESSION_STATUSES.has(error.code);
}
