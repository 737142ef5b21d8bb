import { auditedChange } from "../../../audit/audit-note";
import { getMasterKey } from "../../../secrets/master-key";
import { clearSecretEnvironmentValue, setSecretEnvironmentValue } from "../../../services/secret/set-secret-environment-value";
import { memberProcedure, type TContext } from "../../trpc";
import { ZClearEnvironmentValueInput, ZEnvironmentValueSummary, ZSetEnvironmentValueInput } from "./types";

/** Whether the secret has its own value in the environment, for the audit log: never the value or its hint. */
function hasOwnValue(ctx: Pick<TContext, "db">, input: { workspaceId: string; name: string; environment: string }) {
  return async () => {
    const count = await ctx.db.secretEnvironmentValue.count({
      where: { secret: { workspaceId: input.workspaceId, name: input.name }, environment: { workspaceId: input.workspaceId, name: input.environment } },
    });
    return { name: input.name, environment: input.environment, hasOwnValue: count > 0 };
  };
}

export const setEnvironmentValueProcedure = memberProcedure("secrets:manage")
  .input(ZSetEnvironmentValueInput)
  .output(ZEnvironmentValueSummary)
  .mutation(({ ctx, input }) => {
    const state = hasOwnValue(ctx, input);
    return auditedChange(ctx.auditNote, { before: state, run: () => setSecretEnvironmentValue(ctx.db, { ...input, masterKey: getMasterKey() }), after: state });
  });

export const clearEnvironmentValueProcedure = memberProcedure("secrets:manage")
  .input(ZClearEnvironmentValueInput)
  .mutation(({ ctx, input }) => {
    const state = hasOwnValue(ctx, input);
    return auditedChange(ctx.auditNote, { before: state, run: () => clearSecretEnvironmentValue(ctx.db, input), after: state });
  });
