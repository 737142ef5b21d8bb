import { auditedChange } from "../../../audit/audit-note";
import { revokeApiKey } from "../../../services/api-key/revoke-api-key";
import { memberProcedure } from "../../trpc";
import { ZApiKeySummary, ZRevokeApiKeyInput } from "./types";

export const revokeApiKeyProcedure = memberProcedure("api-keys:manage")
  .input(ZRevokeApiKeyInput)
  .output(ZApiKeySummary)
  .mutation(({ ctx, input }) => {
    const { workspaceId, apiKeyId } = input;
    return auditedChange(ctx.auditNote, {
      before: () => ctx.db.apiKey.findFirst({ where: { id: apiKeyId, workspaceId }, select: { name: true, prefix: true, revokedAt: true } }),
      run: () => revokeApiKey(ctx.db, { workspaceId, apiKeyId, viewer: ctx.workspace.ability }),
      after: (key) => ({ name: key.name, prefix: key.prefix, revokedAt: key.revokedAt }),
    });
  });
