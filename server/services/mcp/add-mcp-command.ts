import { AppError } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { MCP_COMMAND_SELECT, toMcpCommand } from "./mcp-command-row";

/**
 * Approves one exact command line for MCP Tools nodes of the workspace. It is stored as program + argv and spawned
 * without a shell, so no part of it is ever re-parsed: what the admin typed is what runs.
 */
export async function addMcpCommand(db: TDbOrTx, options: { workspaceId: string; actorId: string; name: string; command: string; args: string[] }) {
  const name = options.name.trim();
  const command = options.command.trim();
  if (!name) throw new AppError("BAD_REQUEST", "Give the command a name");
  if (!command) throw new AppError("BAD_REQUEST", "Enter the program to run, such as node or an absolute path");
  if (/\s/.test(command)) throw new AppError("BAD_REQUEST", "Enter only the program as the command; put each argument on its own line");
  try {
    const row = await db.mcpCommand.create({
      data: { workspaceId: options.workspaceId, name, command, args: options.args, createdById: options.actorId },
      select: MCP_COMMAND_SELECT,
    });
    return toMcpCommand(row);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `An MCP command named ${name} already exists`);
    }
    throw error;
  }
}
