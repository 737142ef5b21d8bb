import { auditedDeletion } from "../../../audit/audit-note";
import { deleteWorkspace } from "../../../services/workspace/delete-workspace";
import { memberProcedure } from "../../trpc";
import { ZDeleteWorkspaceInput } from "./types";
import { workspaceAuditState } from "./workspace-audit-state";

/** The workspace's own chain goes with it, so its deletion is recorded on the account chain (record-mutation.ts). */
export const deleteWorkspaceProcedure = memberProcedure("workspace:manage")
  .input(ZDeleteWorkspaceInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, confirmName } = input;
    return auditedDeletion(
      ctx.auditNote,
      () => workspaceAuditState(ctx.db, workspaceId),
      () => deleteWorkspace(ctx.db, { workspaceId, confirmName }),
    );
  });
