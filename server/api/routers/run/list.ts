import { listRuns } from "../../../services/run/list-runs";
import { workspaceProcedure } from "../../trpc";
import { ZListRunsInput } from "./types";

export const listRunsProcedure = workspaceProcedure("run:read")
  .input(ZListRunsInput)
  .query(({ ctx, input }) => {
    const { createdAfter, createdBefore, ...filter } = input;
    return listRuns(ctx.db, {
      ...filter,
      createdAfter: createdAfter ? new Date(createdAfter) : undefined,
      createdBefore: createdBefore ? new Date(createdBefore) : undefined,
    });
  });
