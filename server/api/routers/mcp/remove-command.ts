import { removeMcpCommand } from "../../../services/mcp/remove-mcp-command";
import { memberProcedure } from "../../trpc";
import { ZRemoveMcpCommandInput } from "./types";

export const removeMcpCommandProcedure = memberProcedure("mcp:manage")
  .input(ZRemoveMcpCommandInput)
  .mutation(({ ctx, input }) => removeMcpCommand(ctx.db, { workspaceId: input.workspaceId, commandId: input.commandId }));
