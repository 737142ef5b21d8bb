import { auditedDeletion } from "../../../audit/audit-note";
import { deleteSecret } from "../../../services/secret/delete-secret";
import { memberProcedure } from "../../trpc";
import { ZDeleteSecretInput } from "./types";

export const deleteSecretProcedure = memberProcedure("secrets:manage")
  .input(ZDeleteSecretInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, name } = input;
    return auditedDeletion(
      ctx.auditNote,
      () => ctx.db.secret.findUnique({ where: { workspaceId_name: { workspaceId, name } }, select: { name: true } }),
      () => deleteSecret(ctx.db, { workspaceId, name }),
    );
  });
