import { visibleGraphsWhere } from "../../../auth/graph-access";
import { getRun } from "../../../services/run/get-run";
import { workspaceProcedure } from "../../trpc";
import { ZGetRunInput } from "./types";

export const getRunProcedure = workspaceProcedure("run:read")
  .input(ZGetRunInput)
  .query(({ ctx, input }) => getRun(ctx.db, { workspaceId: input.workspaceId, runId: input.runId, visible: visibleGraphsWhere(ctx.workspace.ability) }));
