import { noteChange } from "../../../audit/audit-note";
import { createApiKey } from "../../../services/api-key/create-api-key";
import { memberProcedure } from "../../trpc";
import { ZCreateApiKeyInput, ZCreatedApiKey } from "./types";

/** Signed-in admins only: a key never issues keys, so a leaked key cannot make itself permanent. */
export const createApiKeyProcedure = memberProcedure("api-keys:manage")
  .input(ZCreateApiKeyInput)
  .output(ZCreatedApiKey)
  .mutation(async ({ ctx, input }) => {
    const { workspaceId, name, role, scopes, expiresAt } = input;
    const created = await createApiKey(ctx.db, {
      workspaceId,
      actorId: ctx.user.id,
      actorRole: ctx.workspace.role,
      actorAbility: ctx.workspace.ability,
      name,
      role,
      scopes,
      graphIds: input.graphIds,
      environment: input.environment,
      expiresAt: expiresAt === undefined ? undefined : new Date(expiresAt),
    });
    const { apiKey } = created;
    const graphIds = apiKey.graphs.map((graph) => graph.id);
    noteChange(ctx.auditNote, null, { id: apiKey.id, name: apiKey.name, prefix: apiKey.prefix, role: apiKey.role, scopes: apiKey.scopes, graphIds, expiresAt: apiKey.expiresAt, environment: apiKey.environment });
    return created;
  });
