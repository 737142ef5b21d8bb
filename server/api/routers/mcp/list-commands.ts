import { listMcpCommands } from "../../../services/mcp/list-mcp-commands";
import { workspaceProcedure } from "../../trpc";
import { ZListMcpCommandsInput } from "./types";

// Editors list the approved commands so they can pick one for an MCP Tools node; only admins change the list.
export const listMcpCommandsProcedure = workspaceProcedure("graph:update")
  .input(ZListMcpCommandsInput)
  .query(({ ctx, input }) => listMcpCommands(ctx.db, { workspaceId: input.workspaceId }));
