import { auditedChange } from "../../../audit/audit-note";
import { setAllowUnsignedPlugins } from "../../../services/plugin/set-allow-unsigned-plugins";
import { memberProcedure } from "../../trpc";
import { ZSetAllowUnsignedInput } from "./types";

export const setAllowUnsignedPluginsProcedure = memberProcedure("plugins:manage")
  .input(ZSetAllowUnsignedInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, isAllowed } = input;
    return auditedChange(ctx.auditNote, {
      before: () => ctx.db.workspace.findUnique({ where: { id: workspaceId }, select: { allowUnsignedPlugins: true } }),
      run: () => setAllowUnsignedPlugins(ctx.db, { workspaceId, role: ctx.workspace.role, isAllowed }),
      after: (changed) => changed,
    });
  });
