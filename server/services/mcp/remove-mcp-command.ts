import { notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";

/**
 * Scoped by workspace in the delete itself. Nodes that named the command fail at their next run with "not on this
 * workspace's approved list": removing the approval is how an admin stops a server everywhere at once.
 */
export async function removeMcpCommand(db: TDbOrTx, options: { workspaceId: string; commandId: string }) {
  const removed = await db.mcpCommand.deleteMany({ where: { id: options.commandId, workspaceId: options.workspaceId } });
  if (removed.count === 0) throw notFound("MCP command");
  return { id: options.commandId };
}
