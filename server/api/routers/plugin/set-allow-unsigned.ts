import { setAllowUnsignedPlugins } from "../../../services/plugin/set-allow-unsigned-plugins";
import { workspaceProcedure } from "../../trpc";
import { ZSetAllowUnsignedInput } from "./types";

export const setAllowUnsignedPluginsProcedure = workspaceProcedure("plugins:manage")
  .input(ZSetAllowUnsignedInput)
  .mutation(({ ctx, input }) => setAllowUnsignedPlugins(ctx.db, { workspaceId: input.workspaceId, role: ctx.workspace.role, isAllowed: input.isAllowed }));
