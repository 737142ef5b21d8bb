import { z } from "zod";
import { ZStepValueField } from "@/lib/run-values/step-value-field";
import { getStepValue } from "../../../services/run/get-step-value";
import { workspaceProcedure, ZWorkspaceId } from "../../trpc";

export const ZStepValueInput = z
  .object({ workspaceId: ZWorkspaceId, runId: z.string().min(1).max(64), stepSeq: z.number().int().min(1), field: ZStepValueField })
  .strict();

/** The full value behind a truncation marker of `run.steps`; whoever may read the run may read it. */
export const stepValueProcedure = workspaceProcedure("run:read")
  .input(ZStepValueInput)
  .query(({ ctx, input }) => {
    const { workspaceId, runId, stepSeq, field } = input;
    return getStepValue(ctx.db, { workspaceId, runId, stepSeq, field });
  });
