import type { TWorkspaceAbility } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import { notFound } from "../app-error";
import type { TDb } from "../db/client";
import { checkMayDeploy, findDeploymentTarget } from "./deployment-target";

/**
 * Moves a webhook or schedule trigger of a graph to another environment: from its next firing on, that environment's
 * deployment decides what it runs. The URL (token) stays. Changing what two environments receive needs the deploy
 * rule of both, so an editor cannot take production's trigger away, nor point one at production.
 */
export async function moveTrigger(
  db: TDb,
  options: { workspaceId: string; graphId: string; nodeId: string; kind: "webhook" | "schedule"; environment: string; actor: { role: TRole; ability: TWorkspaceAbility } },
) {
  const { environment } = await findDeploymentTarget(db, options);
  const trigger = await db.trigger.findFirst({
    where: { workspaceId: options.workspaceId, graphId: options.graphId, nodeId: options.nodeId, kind: options.kind },
    select: { id: true, environment: { select: { name: true, deployRole: true } } },
  });
  if (!trigger) throw notFound(`The ${options.kind} trigger of node "${options.nodeId}"`);
  if (trigger.environment) checkMayDeploy(options.actor.ability, trigger.environment, options.actor.role);
  checkMayDeploy(options.actor.ability, environment, options.actor.role);
  await db.trigger.update({ where: { id: trigger.id }, data: { environmentId: environment.id } });
  return { nodeId: options.nodeId, kind: options.kind, environment: environment.name };
}
