import { noteChange } from "../../../audit/audit-note";
import { importOpenClawExtension } from "../../../services/openclaw/import-openclaw-extension";
import { memberProcedure } from "../../trpc";
import { ZImportOpenClawInput } from "./types";

export const importOpenClawProcedure = memberProcedure("plugins:manage")
  .input(ZImportOpenClawInput)
  .mutation(async ({ ctx, input }) => {
    const imported = await importOpenClawExtension(ctx.db, { workspaceId: input.workspaceId, actorId: ctx.user.id, source: input.source });
    const { id, kind, externalId, name, version } = imported;
    noteChange(ctx.auditNote, imported.previous, { id, kind, externalId, name, version });
    return imported;
  });
