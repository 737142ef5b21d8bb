import type { TMcpCommand } from "../../agents/mcp/connect-mcp-server";
import type { TDbOrTx } from "../../db/client";
import { MCP_COMMAND_SELECT, toMcpCommand } from "./mcp-command-row";

/** Scoped by workspace: another workspace's command is null, exactly like a missing one. */
export async function findMcpCommand(db: TDbOrTx, options: { workspaceId: string; commandId: string }): Promise<TMcpCommand | null> {
  const row = await db.mcpCommand.findFirst({ where: { id: options.commandId, workspaceId: options.workspaceId }, select: MCP_COMMAND_SELECT });
  if (!row) return null;
  const { id, name, command, args } = toMcpCommand(row);
  return { id, name, command, args };
}
