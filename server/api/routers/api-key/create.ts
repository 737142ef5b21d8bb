import { createApiKey } from "../../../services/api-key/create-api-key";
import { memberProcedure } from "../../trpc";
import { ZCreateApiKeyInput, ZCreatedApiKey } from "./types";

/** Signed-in admins only: a key never issues keys, so a leaked key cannot make itself permanent. */
export const createApiKeyProcedure = memberProcedure("api-keys:manage")
  .input(ZCreateApiKeyInput)
  .output(ZCreatedApiKey)
  .mutation(({ ctx, input }) => {
    const { workspaceId, name, role, scopes, graphIds, expiresAt } = input;
    return createApiKey(ctx.db, {
      workspaceId,
      actorId: ctx.user.id,
      actorRole: ctx.workspace.role,
      actorAbility: ctx.workspace.ability,
      name,
      role,
      scopes,
      graphIds,
      expiresAt: expiresAt === undefined ? undefined : new Date(expiresAt),
    });
  });
