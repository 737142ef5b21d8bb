import { addTrustedKey, listTrustedKeys, removeTrustedKey } from "../../../services/plugin/trusted-keys";
import { memberProcedure } from "../../trpc";
import { ZAddTrustedKeyInput, ZListPluginsInput, ZRemoveTrustedKeyInput } from "./types";

export const listTrustedKeysProcedure = memberProcedure("plugins:manage")
  .input(ZListPluginsInput)
  .query(({ ctx, input }) => listTrustedKeys(ctx.db, { workspaceId: input.workspaceId }));

export const addTrustedKeyProcedure = memberProcedure("plugins:manage")
  .input(ZAddTrustedKeyInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, publisher, publicKey } = input;
    return addTrustedKey(ctx.db, { workspaceId, role: ctx.workspace.role, actorId: ctx.user.id, publisher, publicKey });
  });

export const removeTrustedKeyProcedure = memberProcedure("plugins:manage")
  .input(ZRemoveTrustedKeyInput)
  .mutation(({ ctx, input }) => removeTrustedKey(ctx.db, { workspaceId: input.workspaceId, role: ctx.workspace.role, keyId: input.keyId }));
