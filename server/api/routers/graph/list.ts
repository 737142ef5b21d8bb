import { listGraphs } from "../../../services/graph/list-graphs";
import { workspaceProcedure } from "../../trpc";
import { ZListGraphsInput } from "./types";

export const listGraphsProcedure = workspaceProcedure("graph:read")
  .input(ZListGraphsInput)
  .query(({ ctx, input }) => listGraphs(ctx.db, { workspaceId: input.workspaceId, graphId: ctx.workspace.graphId }));
