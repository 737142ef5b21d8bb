import { AppError } from "../../../app-error";
import { findRunGraphScope } from "../../../auth/graph-access";
import { listRuns } from "../../../services/run/list-runs";
import { decodeRunCursor } from "../../../services/run/run-cursor";
import { workspaceProcedure } from "../../trpc";
import { toRunFilter } from "./to-run-filter";
import { ZListRunsInput } from "./types";

export const listRunsProcedure = workspaceProcedure("run:read")
  .input(ZListRunsInput)
  .query(async ({ ctx, input }) => {
    const { cursor, direction: _direction, limit, ...filter } = input;
    const after = cursor === undefined ? undefined : decodeRunCursor(cursor);
    if (cursor !== undefined && !after) throw new AppError("BAD_REQUEST", "Invalid cursor");
    // Runs of graphs the caller does not see are left out (a filter naming such a graph never got this far).
    const graphScope = await findRunGraphScope(ctx.db, { workspaceId: input.workspaceId, ...ctx.workspace });
    return listRuns(ctx.db, { ...toRunFilter(filter), graphScope, after, limit });
  });
