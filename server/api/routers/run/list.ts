import { AppError } from "../../../app-error";
import { listRuns } from "../../../services/run/list-runs";
import { decodeRunCursor } from "../../../services/run/run-cursor";
import { workspaceProcedure } from "../../trpc";
import { toRunFilter } from "./to-run-filter";
import { ZListRunsInput } from "./types";

export const listRunsProcedure = workspaceProcedure("run:read")
  .input(ZListRunsInput)
  .query(({ ctx, input }) => {
    const { cursor, direction: _direction, limit, ...filter } = input;
    const after = cursor === undefined ? undefined : decodeRunCursor(cursor);
    if (cursor !== undefined && !after) throw new AppError("BAD_REQUEST", "Invalid cursor");
    // A graph-limited key sees its graph's runs only (a filter naming another graph never got this far).
    return listRuns(ctx.db, { ...toRunFilter({ ...filter, graphId: ctx.workspace.graphId ?? filter.graphId }), after, limit });
  });
