import { importOpenClawExtension } from "../../../services/openclaw/import-openclaw-extension";
import { memberProcedure } from "../../trpc";
import { ZImportOpenClawInput } from "./types";

export const importOpenClawProcedure = memberProcedure("plugins:manage")
  .input(ZImportOpenClawInput)
  .mutation(({ ctx, input }) => importOpenClawExtension(ctx.db, { workspaceId: input.workspaceId, actorId: ctx.user.id, source: input.source }));
