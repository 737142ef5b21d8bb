import { createSecret } from "../../../services/secret/create-secret";
import { getMasterKey } from "../../../secrets/master-key";
import { memberProcedure } from "../../trpc";
import { ZCreateSecretInput, ZSecretSummary } from "./types";

export const createSecretProcedure = memberProcedure("secrets:manage")
  .input(ZCreateSecretInput)
  .output(ZSecretSummary)
  .mutation(({ ctx, input }) => {
    const { workspaceId, name, value, overwrite } = input;
    return createSecret(ctx.db, { workspaceId, actorId: ctx.user.id, name, value, overwrite, masterKey: getMasterKey() });
  });
