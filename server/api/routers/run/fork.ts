import { auditedCreation } from "../../../audit/audit-note";
import { forkRun } from "../../../services/run/fork-run";
import { workspaceProcedure } from "../../trpc";
import { ZForkRunInput } from "./types";

export const forkRunProcedure = workspaceProcedure("run:start")
  .input(ZForkRunInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, runId, stepSeq } = input;
    return auditedCreation(
      ctx.auditNote,
      () => forkRun(ctx.db, { workspaceId, runId, stepSeq, input: input.input, actorId: ctx.user.id }),
      (run) => ({ runId: run.id, number: run.number, status: run.status, forkedFrom: { runId, stepSeq } }),
    );
  });
