import { getGraph } from "../../../services/graph/get-graph";
import { workspaceProcedure } from "../../trpc";
import { ZGetGraphInput } from "./types";

export const getGraphProcedure = workspaceProcedure("graph:read")
  .input(ZGetGraphInput)
  .query(({ ctx, input }) => getGraph(ctx.db, { workspaceId: input.workspaceId, graphId: input.graphId }));
