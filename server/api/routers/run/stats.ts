import { findRunGraphScope } from "../../../auth/graph-access";
import { getRunStats } from "../../../services/run/get-run-stats";
import { workspaceProcedure } from "../../trpc";
import { toRunFilter } from "./to-run-filter";
import { ZRunStatsInput } from "./types";

export const runStatsProcedure = workspaceProcedure("run:read")
  .input(ZRunStatsInput)
  .query(async ({ ctx, input }) => {
    const graphScope = await findRunGraphScope(ctx.db, { workspaceId: input.workspaceId, ...ctx.workspace });
    return getRunStats(ctx.db, { ...toRunFilter(input), graphScope });
  });
