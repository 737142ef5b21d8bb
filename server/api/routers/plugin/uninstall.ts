import { auditedDeletion } from "../../../audit/audit-note";
import { uninstallPlugin } from "../../../services/plugin/uninstall-plugin";
import { memberProcedure } from "../../trpc";
import { pluginAuditState } from "./plugin-audit-state";
import { ZPluginRefInput } from "./types";

export const uninstallPluginProcedure = memberProcedure("plugins:manage")
  .input(ZPluginRefInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, pluginKey } = input;
    return auditedDeletion(
      ctx.auditNote,
      () => pluginAuditState(ctx.db, { workspaceId, pluginKey }),
      () => uninstallPlugin(ctx.db, { workspaceId, role: ctx.workspace.role, pluginKey }),
    );
  });
