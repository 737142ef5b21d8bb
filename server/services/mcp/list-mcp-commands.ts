import type { TDbOrTx } from "../../db/client";
import { MCP_COMMAND_SELECT, toMcpCommand } from "./mcp-command-row";

export async function listMcpCommands(db: TDbOrTx, options: { workspaceId: string }) {
  const rows = await db.mcpCommand.findMany({ where: { workspaceId: options.workspaceId }, orderBy: { name: "asc" }, select: MCP_COMMAND_SELECT });
  return rows.map(toMcpCommand);
}
