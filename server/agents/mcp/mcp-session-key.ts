import { createHash } from "node:crypto";
import type { TMcpTarget } from "./connect-mcp-server";
import { MCP_CHILD_ENV } from "./stdio-transport";

/**
 * Sessions are shared by exactly this key: the workspace (never across workspaces), the approved command's id or the
 * URL, and a hash of everything that shapes the server (program, argv, environment; for HTTP the URL, no headers are
 * added). Another command line under the same id, or another environment, is another session.
 */
export function toMcpSessionKey(workspaceId: string, target: TMcpTarget): string {
  const identity = target.transport === "stdio" ? `stdio:${target.command.id}` : `http:${target.url}`;
  const configuration = target.transport === "stdio" ? { command: target.command.command, args: target.command.args, env: MCP_CHILD_ENV } : { url: target.url, headers: {} };
  const hash = createHash("sha256").update(JSON.stringify(configuration)).digest("hex");
  return JSON.stringify([workspaceId, identity, hash]);
}
