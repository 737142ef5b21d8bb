import { z } from "zod";
import { listSecrets } from "../../../services/secret/list-secrets";
import { memberProcedure } from "../../trpc";
import { ZListSecretsInput, ZSecretListEntry } from "./types";

export const listSecretsProcedure = memberProcedure("secrets:manage")
  .input(ZListSecretsInput)
  .output(z.array(ZSecretListEntry))
  .query(({ ctx, input }) => listSecrets(ctx.db, { workspaceId: input.workspaceId }));
