import { deleteSecret } from "../../../services/secret/delete-secret";
import { memberProcedure } from "../../trpc";
import { ZDeleteSecretInput } from "./types";

export const deleteSecretProcedure = memberProcedure("secrets:manage")
  .input(ZDeleteSecretInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, name } = input;
    return deleteSecret(ctx.db, { workspaceId, name });
  });
