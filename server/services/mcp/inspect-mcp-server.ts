import { withMcpClient, type TMcpTarget } from "../../agents/mcp/connect-mcp-server";
import { listMcpTools, type TMcpToolInfo } from "../../agents/mcp/list-mcp-tools";
import { AppError, notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { egressStream } from "../../egress";
import { getWorkspaceAllowlist } from "../egress/get-workspace-allowlist";
import { findMcpCommand } from "./find-mcp-command";

/** Starting a server, handshaking and listing: a server that takes longer is reported, not waited for. */
const INSPECT_TIMEOUT_MS = 30_000;

export type TInspectMcpServerOptions = { workspaceId: string } & ({ transport: "stdio"; commandId: string } | { transport: "http"; url: string });

/**
 * Connects the way a run would (the approved command with its exact argv, or the URL through egress with the
 * workspace allowlist) and lists the server's tools with the hashes an approval pins. Nothing is stored: the editor
 * writes the pins it approves into the node's config.
 */
export async function inspectMcpServer(db: TDbOrTx, options: TInspectMcpServerOptions): Promise<{ tools: TMcpToolInfo[] }> {
  const target = await resolveTarget(db, options);
  const allowedHosts = target.transport === "http" ? await getWorkspaceAllowlist(db, { workspaceId: options.workspaceId }) : [];
  const signal = AbortSignal.timeout(INSPECT_TIMEOUT_MS);
  try {
    const tools = await withMcpClient({ target, fetchStream: (request) => egressStream(request, { allowedHosts }), signal }, (client) => listMcpTools(client, signal));
    return { tools };
  } catch (error) {
    // The server's answer is the editor's to read (wrong command, host not allowed, server crashed), not a studio fault.
    if (signal.aborted) throw new AppError("BAD_REQUEST", `The MCP server did not list its tools within ${INSPECT_TIMEOUT_MS / 1000} s`);
    throw new AppError("BAD_REQUEST", error instanceof Error ? error.message : String(error), { cause: error });
  }
}

async function resolveTarget(db: TDbOrTx, options: TInspectMcpServerOptions): Promise<TMcpTarget> {
  if (options.transport === "http") return { transport: "http", url: options.url };
  const command = await findMcpCommand(db, { workspaceId: options.workspaceId, commandId: options.commandId });
  if (!command) throw notFound("MCP command");
  return { transport: "stdio", command };
}
