import { auditedDeletion, noteChange } from "../../../audit/audit-note";
import { addTrustedKey, listTrustedKeys, removeTrustedKey } from "../../../services/plugin/trusted-keys";
import { memberProcedure } from "../../trpc";
import { ZAddTrustedKeyInput, ZListPluginsInput, ZRemoveTrustedKeyInput } from "./types";

export const listTrustedKeysProcedure = memberProcedure("plugins:manage")
  .input(ZListPluginsInput)
  .query(({ ctx, input }) => listTrustedKeys(ctx.db, { workspaceId: input.workspaceId }));

/** Audited as publisher and fingerprint: a public key is no secret, but the fingerprint is what people compare. */
export const addTrustedKeyProcedure = memberProcedure("plugins:manage")
  .input(ZAddTrustedKeyInput)
  .mutation(async ({ ctx, input }) => {
    const { workspaceId, publisher, publicKey } = input;
    const added = await addTrustedKey(ctx.db, { workspaceId, role: ctx.workspace.role, actorId: ctx.user.id, publisher, publicKey });
    noteChange(ctx.auditNote, null, { publisher: added.publisher, fingerprint: added.fingerprint });
    return added;
  });

export const removeTrustedKeyProcedure = memberProcedure("plugins:manage")
  .input(ZRemoveTrustedKeyInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, keyId } = input;
    return auditedDeletion(
      ctx.auditNote,
      () => ctx.db.trustedKey.findFirst({ where: { id: keyId, workspaceId }, select: { publisher: true, fingerprint: true } }),
      () => removeTrustedKey(ctx.db, { workspaceId, role: ctx.workspace.role, keyId }),
    );
  });
