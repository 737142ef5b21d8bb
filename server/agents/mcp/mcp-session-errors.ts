// How a failed request tells the session pool about its server: gone (do not use the session again) and, narrower,
// gone before the request reached it (repeating the request cannot act twice).
import { StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { EgressError } from "../../egress";
import { McpServerNotRunningError } from "./stdio-transport";

/** HTTP 404 on a session's request: the server no longer knows the session (it restarted), and acted on nothing. */
const UNKNOWN_SESSION_STATUS = 404;

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
  return error instanceof StreamableHTTPError && error.code === UNKNOWN_SESSION_STATUS;
}
