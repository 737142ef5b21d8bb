import { auditedChange } from "../../../audit/audit-note";
import { publishGraphVersion } from "../../../services/graph/publish-graph-version";
import { workspaceProcedure } from "../../trpc";
import { graphAuditState } from "./graph-audit-state";
import { ZPublishVersionInput } from "./types";

/** Audited as the published version before and after, and the webhook and schedule triggers the publish left enabled. */
export const publishVersionProcedure = workspaceProcedure("graph:publish")
  .input(ZPublishVersionInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, graphId, message, draftRevision, acceptProblems } = input;
    const enabledTriggers = () => ctx.db.trigger.count({ where: { workspaceId, graphId, isEnabled: true } });
    return auditedChange(ctx.auditNote, {
      before: async () => ({ ...(await graphAuditState(ctx.db, { workspaceId, graphId }, ["version"])), enabledTriggers: await enabledTriggers() }),
      run: () => publishGraphVersion(ctx.db, { workspaceId, graphId, actorId: ctx.user.id, message, draftRevision, acceptProblems }),
      after: async (version) => ({ version: version.number, message: version.message, enabledTriggers: await enabledTriggers() }),
    });
  });
