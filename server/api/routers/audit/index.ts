import { verifyAuditChain } from "../../../audit/verify-audit-chain";
import { exportAuditEvents, listAuditEvents, type TAuditFilter } from "../../../services/audit/list-audit-events";
import { createRouter, workspaceProcedure } from "../../trpc";
import { ZExportAuditInput, ZListAuditInput, ZVerifyAuditInput } from "./types";

function toFilter(input: { workspaceId: string; actor?: string; action?: string; target?: string; after?: string; before?: string }): TAuditFilter {
  const { after, before, actor, action, target, workspaceId } = input;
  return { workspaceId, actor: actor || undefined, action: action || undefined, target: target || undefined, after: after ? new Date(after) : undefined, before: before ? new Date(before) : undefined };
}

/** The workspace's audit log, for those who manage its members (owners, admins). */
export const auditRouter = createRouter({
  list: workspaceProcedure("members:manage")
    .input(ZListAuditInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, { ...toFilter(input), limit: input.limit, beforeSeq: input.cursor })),
  export: workspaceProcedure("members:manage")
    .input(ZExportAuditInput)
    .query(({ ctx, input }) => exportAuditEvents(ctx.db, toFilter(input))),
  verify: workspaceProcedure("members:manage")
    .input(ZVerifyAuditInput)
    .query(({ ctx, input }) => verifyAuditChain(ctx.db, input.workspaceId)),
});
