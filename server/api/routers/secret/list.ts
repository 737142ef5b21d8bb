import { z } from "zod";
import { listSecrets } from "../../../services/secret/list-secrets";
import { memberProcedure } from "../../trpc";
import { ZListSecretsInput, ZSecretSummary } from "./types";

export const listSecretsProcedure = memberProcedure("secrets:manage")
  .input(ZListSecretsInput)
  .output(z.array(ZSecretSummary))
  .query(({ ctx, input }) => listSecrets(ctx.db, { workspaceId: input.workspaceId }));
