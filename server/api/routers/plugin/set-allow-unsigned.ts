import { setAllowUnsignedPlugins } from "../../../services/plugin/set-allow-unsigned-plugins";
import { memberProcedure } from "../../trpc";
import { ZSetAllowUnsignedInput } from "./types";

export const setAllowUnsignedPluginsProcedure = memberProcedure("plugins:manage")
  .input(ZSetAllowUnsignedInput)
  .mutation(({ ctx, input }) => setAllowUnsignedPlugins(ctx.db, { workspaceId: input.workspaceId, role: ctx.workspace.role, isAllowed: input.isAllowed }));
