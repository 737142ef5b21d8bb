import { createRouter } from "../../trpc";
import { addMcpCommandProcedure } from "./add-command";
import { inspectMcpServerProcedure } from "./inspect-server";
import { listMcpCommandsProcedure } from "./list-commands";
import { removeMcpCommandProcedure } from "./remove-command";

export const mcpRouter = createRouter({
  listCommands: listMcpCommandsProcedure,
  addCommand: addMcpCommandProcedure,
  removeCommand: removeMcpCommandProcedure,
  inspectServer: inspectMcpServerProcedure,
});
