import { getGraphVersion } from "../../../services/graph/get-graph-version";
import { workspaceProcedure } from "../../trpc";
import { ZGetVersionInput } from "./types";

export const getVersionProcedure = workspaceProcedure("graph:read")
  .input(ZGetVersionInput)
  .query(({ ctx, input }) => getGraphVersion(ctx.db, { workspaceId: input.workspaceId, graphId: input.graphId, number: input.number }));
