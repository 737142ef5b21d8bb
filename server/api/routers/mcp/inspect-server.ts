import { inspectMcpServer } from "../../../services/mcp/inspect-mcp-server";
import { workspaceProcedure } from "../../trpc";
import { ZInspectMcpServerInput } from "./types";

// A mutation, not a query: it starts a process or calls out, and must not rerun on every window focus.
export const inspectMcpServerProcedure = workspaceProcedure("graph:update")
  .input(ZInspectMcpServerInput)
  .mutation(({ ctx, input }) => inspectMcpServer(ctx.db, input));
