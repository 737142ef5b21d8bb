import { auditedChange } from "../../../audit/audit-note";
import { deployIdleVersion } from "../../../deployments/deploy-idle";
import { getBlueGreen } from "../../../deployments/list-blue-green";
import { replayThroughIdle } from "../../../deployments/replay-through-idle";
import { switchToIdle } from "../../../deployments/switch-to-idle";
import { workspaceProcedure, type TContext } from "../../trpc";
import { ZDeployIdleInput, ZReplayIdleInput, ZTargetInput } from "./types";

type TTarget = { workspaceId: string; graphId: string; environment: string };

/** Audited as the deployment's stable and idle versions before and after. */
function audited<T>(ctx: Pick<TContext, "db" | "auditNote">, target: TTarget, run: () => Promise<T>) {
  const state = async () => {
    const deployment = await ctx.db.deployment.findFirst({
      where: { workspaceId: target.workspaceId, graphId: target.graphId, environment: { name: target.environment } },
      select: { idleRole: true, stableVersion: { select: { number: true } }, idleVersion: { select: { number: true } } },
    });
    return deployment ? { environment: target.environment, stableVersion: deployment.stableVersion.number, idleVersion: deployment.idleVersion?.number ?? null, idleRole: deployment.idleRole } : null;
  };
  return auditedChange(ctx.auditNote, { before: state, run, after: state });
}

// Blue/green (server/deployments/README.md): every action needs graph:publish and the policy's deploy rule for the
// environment, as a canary does.
export const deployIdleProcedure = workspaceProcedure("graph:publish")
  .input(ZDeployIdleInput)
  .mutation(({ ctx, input }) => {
    const actor = { id: ctx.user.id, role: ctx.workspace.role, ability: ctx.workspace.ability };
    return audited(ctx, input, () => deployIdleVersion(ctx.db, { ...input, actor }));
  });

/** Replays may call models when the caller allows live calls: the deploy rule, not only a run scope. */
export const replayIdleProcedure = workspaceProcedure("graph:publish")
  .input(ZReplayIdleInput)
  .mutation(({ ctx, input }) => {
    const actor = { id: ctx.user.id, role: ctx.workspace.role, ability: ctx.workspace.ability };
    return audited(ctx, input, () => replayThroughIdle(ctx.db, { ...input, actor }));
  });

export const switchIdleProcedure = workspaceProcedure("graph:publish")
  .input(ZTargetInput)
  .mutation(({ ctx, input }) => {
    const actor = { id: ctx.user.id, role: ctx.workspace.role, ability: ctx.workspace.ability };
    return audited(ctx, input, () => switchToIdle(ctx.db, { ...input, actor }));
  });

export const blueGreenProcedure = workspaceProcedure("graph:read")
  .input(ZTargetInput)
  .query(({ ctx, input }) => getBlueGreen(ctx.db, input));
