// Connecting to an MCP server: `openMcpClient` starts one connection (the approved command as a child, or the URL
// through egress) and hands back its client and how to end it. The session pool (mcp-session-pool.ts) keeps such
// connections for runs; `withMcpClient` is the one-off form for inspecting a server: nothing outlives the work, the
// stdio child is killed with its process group when the work ends, fails or is cancelled.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { EgressError, type TEgressRequest, type TEgressStreamResponse } from "../../egress";
import { NonRetriableError } from "../../runtime/errors";
import { toEgressFetchLike } from "./egress-fetch-like";
import { McpStdioTransport } from "./stdio-transport";

/** An admin-approved stdio command (McpCommand row): exactly this program with exactly these arguments. */
export type TMcpCommand = { id: string; name: string; command: string; args: string[] };

export type TMcpTarget = { transport: "stdio"; command: TMcpCommand } | { transport: "http"; url: string };

export type TMcpFetchStream = (request: TEgressRequest) => Promise<TEgressStreamResponse>;

export type TMcpConnection = {
  target: TMcpTarget;
  fetchStream: TMcpFetchStream;
  signal: AbortSignal;
};

/** A live connection: its client, a polite close (ends the HTTP session, stops the child's group) and a hard kill. */
export type TMcpClientConnection = { client: Client; close(): Promise<void>; kill(): void };

/** Per MCP request (initialize, list, call), and per HTTP exchange through egress. */
export const MCP_REQUEST_TIMEOUT_MS = 60_000;
const CLIENT_INFO = { name: "openclaw-studio", version: "1.0.0" };
// Refusals by egress are the configuration's to fix (allowlist, URL): retrying the step cannot help.
const REFUSALS = new Set(["BAD_URL", "BAD_REQUEST", "NOT_ALLOWLISTED", "BLOCKED_ADDRESS"]);

export function describeMcpTarget(target: TMcpTarget): string {
  return target.transport === "stdio" ? `the MCP server "${target.command.name}"` : `the MCP server at ${target.url}`;
}

/** Connects and initializes; a connection that fails is torn down before the error is thrown. */
export async function openMcpClient(connection: TMcpConnection): Promise<TMcpClientConnection> {
  const { target, signal } = connection;
  signal.throwIfAborted();
  const stdio = target.transport === "stdio" ? new McpStdioTransport(target.command) : undefined;
  const http =
    target.transport === "http" ? new StreamableHTTPClientTransport(parseUrl(target.url), { fetch: toEgressFetchLike(connection.fetchStream, MCP_REQUEST_TIMEOUT_MS) }) : undefined;
  const client = new Client(CLIENT_INFO, { capabilities: {} });
  const close = async () => {
    await http?.terminateSession().catch(() => undefined);
    await client.close().catch(() => undefined);
    await stdio?.close();
  };
  try {
    await client.connect((stdio ?? http)!, { signal, timeout: MCP_REQUEST_TIMEOUT_MS });
  } catch (error) {
    if (signal.aborted) stdio?.kill();
    await close();
    throw toConnectError(error, target, stdio);
  }
  return { client, close, kill: () => stdio?.kill() };
}

export async function withMcpClient<T>(connection: TMcpConnection, use: (client: Client) => Promise<T>): Promise<T> {
  const { signal } = connection;
  const opened = await openMcpClient(connection);
  // A cancelled piece of work must not wait for a polite shutdown.
  const onAbort = () => opened.kill();
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    return await use(opened.client);
  } finally {
    signal.removeEventListener("abort", onAbort);
    await opened.close();
  }
}

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new NonRetriableError(`"${url.slice(0, 200)}" is not a URL an MCP server can be reached at`);
  }
}

function toConnectError(error: unknown, target: TMcpTarget, stdio: McpStdioTransport | undefined): Error {
  if (error instanceof Error && error.name === "AbortError") return error;
  if (error instanceof EgressError && REFUSALS.has(error.code)) return new NonRetriableError(`Could not connect to ${describeMcpTarget(target)}: ${error.message}`);
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT" || code === "EACCES") {
    const command = target.transport === "stdio" ? target.command.command : "";
    return new NonRetriableError(`Could not start ${describeMcpTarget(target)}: ${command} ${code === "ENOENT" ? "was not found" : "is not executable"}`);
  }
  const why = error instanceof Error ? error.message : String(error);
  const stderr = stdio?.stderrTail ? ` (it wrote: ${stdio.stderrTail.slice(-500)})` : "";
  return new Error(`Could not connect to ${describeMcpTarget(target)}: ${why}${stderr}`, { cause: error });
}
