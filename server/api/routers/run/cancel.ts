import { auditedChange } from "../../../audit/audit-note";
import { cancelRun } from "../../../services/run/cancel-run";
import { workspaceProcedure } from "../../trpc";
import { runAuditState } from "./run-audit-state";
import { ZCancelRunInput } from "./types";

export const cancelRunProcedure = workspaceProcedure("run:cancel")
  .input(ZCancelRunInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, runId } = input;
    return auditedChange(ctx.auditNote, {
      before: () => runAuditState(ctx.db, { workspaceId, runId }),
      run: () => cancelRun(ctx.db, { workspaceId, runId }),
      after: () => runAuditState(ctx.db, { workspaceId, runId }),
    });
  });
