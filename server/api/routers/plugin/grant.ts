import { auditedChange } from "../../../audit/audit-note";
import { grantPluginPermissions } from "../../../services/plugin/grant-plugin-permissions";
import { memberProcedure } from "../../trpc";
import { pluginAuditState } from "./plugin-audit-state";
import { ZGrantPermissionsInput } from "./types";

export const grantPluginPermissionsProcedure = memberProcedure("plugins:manage")
  .input(ZGrantPermissionsInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, pluginKey, grants } = input;
    const state = async () => (await pluginAuditState(ctx.db, { workspaceId, pluginKey }))?.grants ?? null;
    return auditedChange(ctx.auditNote, {
      before: state,
      run: () => grantPluginPermissions(ctx.db, { workspaceId, role: ctx.workspace.role, pluginKey, grants }),
      after: (granted) => ({ egress: granted.grants.egress, secretNames: granted.grants.secrets }),
    });
  });
