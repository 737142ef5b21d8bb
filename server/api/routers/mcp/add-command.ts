import { auditedCreation } from "../../../audit/audit-note";
import { addMcpCommand } from "../../../services/mcp/add-mcp-command";
import { memberProcedure } from "../../trpc";
import { ZAddMcpCommandInput } from "./types";

export const addMcpCommandProcedure = memberProcedure("mcp:manage")
  .input(ZAddMcpCommandInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, name, command, args } = input;
    return auditedCreation(
      ctx.auditNote,
      () => addMcpCommand(ctx.db, { workspaceId, actorId: ctx.user.id, name, command, args }),
      (added) => ({ id: added.id, name: added.name, command: added.command, args: added.args }),
    );
  });
