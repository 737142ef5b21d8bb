import { auditedChange } from "../../../audit/audit-note";
import { renameWorkspace } from "../../../services/workspace/rename-workspace";
import { memberProcedure } from "../../trpc";
import { ZRenameWorkspaceInput } from "./types";
import { workspaceAuditState } from "./workspace-audit-state";

export const renameWorkspaceProcedure = memberProcedure("workspace:manage")
  .input(ZRenameWorkspaceInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, name, slug } = input;
    return auditedChange(ctx.auditNote, {
      before: () => workspaceAuditState(ctx.db, workspaceId),
      run: () => renameWorkspace(ctx.db, { workspaceId, name, slug }),
      after: (renamed) => ({ name: renamed.name, slug: renamed.slug }),
    });
  });
