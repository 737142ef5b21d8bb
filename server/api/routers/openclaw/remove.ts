import { auditedDeletion } from "../../../audit/audit-note";
import { removeOpenClawExtension } from "../../../services/openclaw/remove-openclaw-extension";
import { memberProcedure } from "../../trpc";
import { ZRemoveOpenClawInput } from "./types";

export const removeOpenClawProcedure = memberProcedure("plugins:manage")
  .input(ZRemoveOpenClawInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, id } = input;
    return auditedDeletion(
      ctx.auditNote,
      () => ctx.db.importedExtension.findFirst({ where: { id, workspaceId }, select: { kind: true, externalId: true, name: true, version: true } }),
      () => removeOpenClawExtension(ctx.db, { workspaceId, id }),
    );
  });
