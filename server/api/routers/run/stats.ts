import { getRunStats } from "../../../services/run/get-run-stats";
import { workspaceProcedure } from "../../trpc";
import { toRunFilter } from "./to-run-filter";
import { ZRunStatsInput } from "./types";

export const runStatsProcedure = workspaceProcedure("run:read")
  .input(ZRunStatsInput)
  .query(({ ctx, input }) => getRunStats(ctx.db, toRunFilter({ ...input, graphId: ctx.workspace.graphId ?? input.graphId })));
