import { notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { studioEvents } from "../../events/studio-events";

/**
 * Scoped by workspace in the delete itself. Nodes that named the command fail at their next call with "not on this
 * workspace's approved list", and every process closes its live sessions of the command's servers (calls running on
 * them fail saying so): removing the approval is how an admin stops a server everywhere at once.
 */
export async function removeMcpCommand(db: TDbOrTx, options: { workspaceId: string; commandId: string }) {
  const removed = await db.mcpCommand.deleteMany({ where: { id: options.commandId, workspaceId: options.workspaceId } });
  if (removed.count === 0) throw notFound("MCP command");
  studioEvents.emit("mcp.commandRemoved", { workspaceId: options.workspaceId, commandId: options.commandId });
  return { id: options.commandId };
}
