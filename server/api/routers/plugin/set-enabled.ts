import { auditedChange } from "../../../audit/audit-note";
import { setPluginEnabled } from "../../../services/plugin/set-plugin-enabled";
import { memberProcedure } from "../../trpc";
import { pluginAuditState } from "./plugin-audit-state";
import { ZSetPluginEnabledInput } from "./types";

export const setPluginEnabledProcedure = memberProcedure("plugins:manage")
  .input(ZSetPluginEnabledInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, pluginKey, isEnabled } = input;
    return auditedChange(ctx.auditNote, {
      before: async () => ({ isEnabled: (await pluginAuditState(ctx.db, { workspaceId, pluginKey }))?.isEnabled ?? null }),
      run: () => setPluginEnabled(ctx.db, { workspaceId, role: ctx.workspace.role, pluginKey, isEnabled }),
      after: (changed) => ({ isEnabled: changed.isEnabled }),
    });
  });
