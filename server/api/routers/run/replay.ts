import { auditedCreation } from "../../../audit/audit-note";
import { replayRun } from "../../../services/run/replay-run";
import { workspaceProcedure } from "../../trpc";
import { ZReplayRunInput } from "./types";

export const replayRunProcedure = workspaceProcedure("run:start")
  .input(ZReplayRunInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, runId } = input;
    return auditedCreation(
      ctx.auditNote,
      () => replayRun(ctx.db, { workspaceId, runId, actorId: ctx.user.id }),
      (run) => ({ runId: run.id, number: run.number, status: run.status, replayOf: runId }),
    );
  });
