import { replayRun } from "../../../services/run/replay-run";
import { workspaceProcedure } from "../../trpc";
import { ZReplayRunInput } from "./types";

export const replayRunProcedure = workspaceProcedure("run:start")
  .input(ZReplayRunInput)
  .mutation(({ ctx, input }) => replayRun(ctx.db, { workspaceId: input.workspaceId, runId: input.runId, actorId: ctx.user.id }));
