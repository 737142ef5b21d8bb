import type { TMcpCommand } from "../../agents/mcp/connect-mcp-server";

export const MCP_COMMAND_SELECT = { id: true, name: true, command: true, args: true, createdAt: true, createdById: true } as const;

type TMcpCommandRow = { id: string; name: string; command: string; args: unknown; createdAt: Date; createdById: string | null };

/** `args` is a Json column written only by addMcpCommand (a string array); anything else reads as no arguments. */
export function toMcpCommand(row: TMcpCommandRow): TMcpCommand & { createdAt: Date; createdById: string | null } {
  const args = Array.isArray(row.args) && row.args.every((arg) => typeof arg === "string") ? (row.args as string[]) : [];
  return { id: row.id, name: row.name, command: row.command, args, createdAt: row.createdAt, createdById: row.createdById };
}
