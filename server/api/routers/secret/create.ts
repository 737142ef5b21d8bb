import { auditedChange } from "../../../audit/audit-note";
import { createSecret } from "../../../services/secret/create-secret";
import { getMasterKey } from "../../../secrets/master-key";
import { memberProcedure } from "../../trpc";
import { ZCreateSecretInput, ZSecretSummary } from "./types";

/** Audited as the name and whether a value was replaced; never the value or its hint. */
export const createSecretProcedure = memberProcedure("secrets:manage")
  .input(ZCreateSecretInput)
  .output(ZSecretSummary)
  .mutation(({ ctx, input }) => {
    const { workspaceId, name, value, overwrite } = input;
    return auditedChange(ctx.auditNote, {
      before: () => ctx.db.secret.findUnique({ where: { workspaceId_name: { workspaceId, name } }, select: { name: true } }),
      run: () => createSecret(ctx.db, { workspaceId, actorId: ctx.user.id, name, value, overwrite, masterKey: getMasterKey() }),
      after: (secret, before) => ({ name: secret.name, valueChanged: before !== null }),
    });
  });
