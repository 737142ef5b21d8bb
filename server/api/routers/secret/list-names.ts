import { z } from "zod";
import { listSecretNames } from "../../../services/secret/list-secret-names";
import { workspaceProcedure } from "../../trpc";
import { ZListSecretsInput } from "./types";

/**
 * Names only, for secret pickers in the inspector: whoever may change a graph may point a node at a secret by name
 * (graph:update), without the right to read or manage secrets. Viewers and operators do not configure nodes.
 */
export const listSecretNamesProcedure = workspaceProcedure("graph:update")
  .input(ZListSecretsInput)
  .output(z.array(z.string()))
  .query(({ ctx, input }) => listSecretNames(ctx.db, { workspaceId: input.workspaceId }));
