import { auditedChange } from "../../../audit/audit-note";
import { rollbackDeployment, setCanaryShare } from "../../../deployments/change-canary";
import { moveTrigger } from "../../../deployments/move-trigger";
import { submitDeploy, submitPromote } from "../../../deployments/submit-change";
import { workspaceProcedure, type TContext } from "../../trpc";
import { deploymentAuditState } from "./deployment-audit-state";
import { ZDeployInput, ZMoveTriggerInput, ZSetShareInput, ZTargetInput } from "./types";

type TTarget = { workspaceId: string; graphId: string; environment: string };

/** Every change is audited as the deployment before and after; a refusal (an editor deploying to production) as its code. */
function audited<T>(ctx: Pick<TContext, "db" | "auditNote">, target: TTarget, run: () => Promise<T>) {
  const state = () => deploymentAuditState(ctx.db, target);
  return auditedChange(ctx.auditNote, { before: state, run, after: state });
}

// Deploying needs graph:publish, and the policy's deploy rule for the environment (server/deployments/deployment-target.ts);
// where the environment requires a second person's approval, deploy and promote wait as a request (submit-change.ts).
export const deployProcedure = workspaceProcedure("graph:publish")
  .input(ZDeployInput)
  .mutation(({ ctx, input }) => {
    const actor = { id: ctx.user.id, role: ctx.workspace.role, ability: ctx.workspace.ability };
    return audited(ctx, input, () => submitDeploy(ctx.db, { ...input, actor }));
  });

export const setShareProcedure = workspaceProcedure("graph:publish")
  .input(ZSetShareInput)
  .mutation(({ ctx, input }) => {
    const actor = { id: ctx.user.id, role: ctx.workspace.role, ability: ctx.workspace.ability };
    return audited(ctx, input, () => setCanaryShare(ctx.db, { ...input, actor }));
  });

export const promoteProcedure = workspaceProcedure("graph:publish")
  .input(ZTargetInput)
  .mutation(({ ctx, input }) => {
    const actor = { id: ctx.user.id, role: ctx.workspace.role, ability: ctx.workspace.ability };
    return audited(ctx, input, () => submitPromote(ctx.db, { ...input, actor }));
  });

export const rollbackProcedure = workspaceProcedure("graph:publish")
  .input(ZTargetInput)
  .mutation(({ ctx, input }) => {
    const actor = { id: ctx.user.id, role: ctx.workspace.role, ability: ctx.workspace.ability };
    return audited(ctx, input, () => rollbackDeployment(ctx.db, { ...input, actor }));
  });

/** Audited as the trigger's environment before and after. */
export const moveTriggerProcedure = workspaceProcedure("graph:publish")
  .input(ZMoveTriggerInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, graphId, nodeId, kind } = input;
    const state = async () => {
      const trigger = await ctx.db.trigger.findFirst({ where: { workspaceId, graphId, nodeId, kind }, select: { environment: { select: { name: true } } } });
      return trigger ? { nodeId, kind, environment: trigger.environment?.name ?? null } : null;
    };
    const actor = { role: ctx.workspace.role, ability: ctx.workspace.ability };
    return auditedChange(ctx.auditNote, { before: state, run: () => moveTrigger(ctx.db, { ...input, actor }), after: state });
  });
