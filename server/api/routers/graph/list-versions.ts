import { listGraphVersions } from "../../../services/graph/list-graph-versions";
import { workspaceProcedure } from "../../trpc";
import { ZListVersionsInput } from "./types";

export const listVersionsProcedure = workspaceProcedure("graph:read")
  .input(ZListVersionsInput)
  .query(({ ctx, input }) => listGraphVersions(ctx.db, { workspaceId: input.workspaceId, graphId: input.graphId }));
