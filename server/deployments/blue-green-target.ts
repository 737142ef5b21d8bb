import type { TWorkspaceAbility } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import { AppError } from "../app-error";
import type { TDbOrTx } from "../db/client";
import { checkMayDeploy, findDeploymentTarget } from "./deployment-target";

export type TBlueGreenTarget = { workspaceId: string; graphId: string; environment: string; actor: { id: string; role: TRole; ability: TWorkspaceAbility } };

/** `candidate`: deployed idle to be replayed and switched to; `standby`: the stable version before the last switch. */
export type TIdleRole = "candidate" | "standby";

/**
 * The deployment a blue/green action works on, after the policy's deploy rule for the environment (the canary's rule,
 * lib/auth/abilities.ts), with its idle version. CONFLICT when nothing is deployed there or a canary runs: a canary and
 * a blue/green release of one environment would judge and switch the same stable version.
 */
export async function findBlueGreenTarget(db: TDbOrTx, options: TBlueGreenTarget) {
  const { environment, deployment } = await findDeploymentTarget(db, options);
  checkMayDeploy(options.actor.ability, environment, options.actor.role);
  if (!deployment) throw new AppError("CONFLICT", `Nothing runs in ${environment.name} yet: deploy a stable version there first`);
  if (deployment.candidateVersion) throw new AppError("CONFLICT", `A canary of version ${deployment.candidateVersion.number} runs in ${environment.name}: promote or roll it back first`);
  const { idleVersion, idleRole } = await db.deployment.findUniqueOrThrow({ where: { id: deployment.id }, select: { idleRole: true, idleVersion: { select: { id: true, number: true } } } });
  const idle = idleVersion ? { ...idleVersion, role: idleRole as TIdleRole } : null;
  return { environment, deployment, idle };
}
