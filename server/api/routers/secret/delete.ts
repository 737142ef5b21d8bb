import { deleteSecret } from "../../../services/secret/delete-secret";
import { workspaceProcedure } from "../../trpc";
import { ZDeleteSecretInput } from "./types";

export const deleteSecretProcedure = workspaceProcedure("secrets:manage")
  .input(ZDeleteSecretInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, name } = input;
    return deleteSecret(ctx.db, { workspaceId, name });
  });
