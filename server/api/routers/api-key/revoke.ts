import { revokeApiKey } from "../../../services/api-key/revoke-api-key";
import { memberProcedure } from "../../trpc";
import { ZApiKeySummary, ZRevokeApiKeyInput } from "./types";

export const revokeApiKeyProcedure = memberProcedure("api-keys:manage")
  .input(ZRevokeApiKeyInput)
  .output(ZApiKeySummary)
  .mutation(({ ctx, input }) => revokeApiKey(ctx.db, { workspaceId: input.workspaceId, apiKeyId: input.apiKeyId, viewer: ctx.workspace.ability }));
