import { addTrustedKey, listTrustedKeys, removeTrustedKey } from "../../../services/plugin/trusted-keys";
import { workspaceProcedure } from "../../trpc";
import { ZAddTrustedKeyInput, ZListPluginsInput, ZRemoveTrustedKeyInput } from "./types";

export const listTrustedKeysProcedure = workspaceProcedure("plugins:manage")
  .input(ZListPluginsInput)
  .query(({ ctx, input }) => listTrustedKeys(ctx.db, { workspaceId: input.workspaceId }));

export const addTrustedKeyProcedure = workspaceProcedure("plugins:manage")
  .input(ZAddTrustedKeyInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, publisher, publicKey } = input;
    return addTrustedKey(ctx.db, { workspaceId, role: ctx.workspace.role, actorId: ctx.user.id, publisher, publicKey });
  });

export const removeTrustedKeyProcedure = workspaceProcedure("plugins:manage")
  .input(ZRemoveTrustedKeyInput)
  .mutation(({ ctx, input }) => removeTrustedKey(ctx.db, { workspaceId: input.workspaceId, role: ctx.workspace.role, keyId: input.keyId }));
