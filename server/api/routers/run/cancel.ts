import { cancelRun } from "../../../services/run/cancel-run";
import { workspaceProcedure } from "../../trpc";
import { ZCancelRunInput } from "./types";

export const cancelRunProcedure = workspaceProcedure("run:cancel")
  .input(ZCancelRunInput)
  .mutation(({ ctx, input }) => cancelRun(ctx.db, { workspaceId: input.workspaceId, runId: input.runId }));
