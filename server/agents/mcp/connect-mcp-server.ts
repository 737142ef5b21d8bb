// One MCP connection, from connect to close, around one piece of work (list the tools, or call one). Nothing outlives
// it: the stdio child is killed with its process group when the work ends, fails or the run is cancelled.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { EgressError, type TEgressRequest, type TEgressStreamResponse } from "../../egress";
import { NonRetriableError } from "../../runtime/errors";
import { toEgressFetchLike } from "./egress-fetch-like";
import { McpStdioTransport } from "./stdio-transport";

/** An admin-approved stdio command (McpCommand row): exactly this program with exactly these arguments. */
export type TMcpCommand = { id: string; name: string; command: string; args: string[] };

export type TMcpTarget = { transport: "stdio"; command: TMcpCommand } | { transport: "http"; url: string };

export type TMcpConnection = {
  target: TMcpTarget;
  fetchStream: (request: TEgressRequest) => Promise<TEgressStreamResponse>;
  signal: AbortSignal;
};

/** Per MCP request (initialize, list, call), and per HTTP exchange through egress. */
export const MCP_REQUEST_TIMEOUT_MS = 60_000;
const CLIENT_INFO = { name: "openclaw-studio", version: "1.0.0" };
// Refusals by egress are the configuration's to fix (allowlist, URL): retrying the step cannot help.
const REFUSALS = new Set(["BAD_URL", "BAD_REQUEST", "NOT_ALLOWLISTED", "BLOCKED_ADDRESS"]);

export function describeMcpTarget(target: TMcpTarget): string {
  return target.transport === "stdio" ? `the MCP server "${target.command.name}"` : `the MCP server at ${target.url}`;
}

export async function withMcpClient<T>(connection: TMcpConnection, use: (client: Client) => Promise<T>): Promise<T> {
  const { target, signal } = connection;
  signal.throwIfAborted();
  const stdio = target.transport === "stdio" ? new McpStdioTransport(target.command) : undefined;
  const http =
    target.transport === "http" ? new StreamableHTTPClientTransport(parseUrl(target.url), { fetch: toEgressFetchLike(connection.fetchStream, MCP_REQUEST_TIMEOUT_MS) }) : undefined;
  const client = new Client(CLIENT_INFO, { capabilities: {} });
  // A cancelled run must not wait for a polite shutdown.
  const onAbort = () => stdio?.kill();
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    try {
      await client.connect((stdio ?? http)!, { signal, timeout: MCP_REQUEST_TIMEOUT_MS });
    } catch (error) {
      throw toConnectError(error, target, stdio);
    }
    return await use(client);
  } finally {
    signal.removeEventListener("abort", onAbort);
    await http?.terminateSession().catch(() => undefined);
    await client.close().catch(() => undefined);
    await stdio?.close();
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
