import { removeOpenClawExtension } from "../../../services/openclaw/remove-openclaw-extension";
import { memberProcedure } from "../../trpc";
import { ZRemoveOpenClawInput } from "./types";

export const removeOpenClawProcedure = memberProcedure("plugins:manage")
  .input(ZRemoveOpenClawInput)
  .mutation(({ ctx, input }) => removeOpenClawExtension(ctx.db, { workspaceId: input.workspaceId, id: input.id }));
