import { auditedChange } from "../../../audit/audit-note";
import { addGraphTag } from "../../../services/graph/add-graph-tag";
import { workspaceProcedure } from "../../trpc";
import { graphAuditState } from "./graph-audit-state";
import { ZGraphTagInput } from "./types";

export const addGraphTagProcedure = workspaceProcedure("graph:update")
  .input(ZGraphTagInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, graphId, tag } = input;
    return auditedChange(ctx.auditNote, {
      before: () => graphAuditState(ctx.db, { workspaceId, graphId }, ["tags"]),
      run: () => addGraphTag(ctx.db, { workspaceId, graphId, actorId: ctx.user.id, tag }),
      after: (tagged) => ({ tags: tagged.tags }),
    });
  });
