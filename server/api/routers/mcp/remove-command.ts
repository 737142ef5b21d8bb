import { auditedDeletion } from "../../../audit/audit-note";
import { removeMcpCommand } from "../../../services/mcp/remove-mcp-command";
import { memberProcedure } from "../../trpc";
import { ZRemoveMcpCommandInput } from "./types";

export const removeMcpCommandProcedure = memberProcedure("mcp:manage")
  .input(ZRemoveMcpCommandInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, commandId } = input;
    return auditedDeletion(
      ctx.auditNote,
      () => ctx.db.mcpCommand.findFirst({ where: { id: commandId, workspaceId }, select: { name: true, command: true, args: true } }),
      () => removeMcpCommand(ctx.db, { workspaceId, commandId }),
    );
  });
