import { auditedChange } from "../../../audit/audit-note";
import { saveGraphDraft } from "../../../services/graph/save-graph-draft";
import { workspaceProcedure } from "../../trpc";
import { graphAuditState } from "./graph-audit-state";
import { ZSaveDraftInput } from "./types";

/** Audited as the draft revision it moved (the input's summary gives the new spec's size). */
export const saveDraftProcedure = workspaceProcedure("graph:update")
  .input(ZSaveDraftInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, graphId, spec, baseRevision, clientId } = input;
    return auditedChange(ctx.auditNote, {
      before: () => graphAuditState(ctx.db, { workspaceId, graphId }, ["draftRevision"]),
      run: () => saveGraphDraft(ctx.db, { workspaceId, graphId, actorId: ctx.user.id, spec, baseRevision, clientId }),
      after: (saved) => ({ draftRevision: saved.draftRevision }),
    });
  });
