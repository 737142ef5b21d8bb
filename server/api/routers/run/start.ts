import { auditedCreation } from "../../../audit/audit-note";
import { startRun } from "../../../services/run/start-run";
import { workspaceProcedure } from "../../trpc";
import { ZStartRunInput } from "./types";

export const startRunProcedure = workspaceProcedure("run:start")
  .input(ZStartRunInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, graphId, version, startNodeId } = input;
    const source = version === "draft" ? { kind: "draft" as const } : { kind: "version" as const, number: version };
    return auditedCreation(
      ctx.auditNote,
      () => startRun(ctx.db, { workspaceId, graphId, actorId: ctx.user.id, source, input: input.input, startNodeId, apiKeyId: ctx.workspace.apiKeyId }),
      (run) => ({ runId: run.id, number: run.number, status: run.status, version }),
    );
  });
