import { listRunEvents } from "../../../services/run/list-run-events";
import { workspaceProcedure } from "../../trpc";
import { ZListEventsInput } from "./types";

export const listRunEventsProcedure = workspaceProcedure("run:read")
  .input(ZListEventsInput)
  .query(({ ctx, input }) => {
    const { workspaceId, runId, afterSeq, limit } = input;
    return listRunEvents(ctx.db, { workspaceId, runId, afterSeq, limit });
  });
