import { listRunSteps } from "../../../services/run/list-run-steps";
import { workspaceProcedure } from "../../trpc";
import { ZListStepsInput } from "./types";

export const listRunStepsProcedure = workspaceProcedure("run:read")
  .input(ZListStepsInput)
  .query(({ ctx, input }) => listRunSteps(ctx.db, { workspaceId: input.workspaceId, runId: input.runId }));
