import { canDeployTo, type TWorkspaceAbility } from "@/lib/auth/abilities";
import type { TDb } from "../db/client";
import { findGraphOrThrow } from "../services/graph/find-graph";
import { DEPLOYMENT_SELECT } from "./deployment-target";

const PERSON = { select: { name: true, email: true } } as const;

/** The environments of the workspace in lane order, with whether the caller may deploy to each. */
export async function listEnvironments(db: TDb, options: { workspaceId: string; ability: TWorkspaceAbility }) {
  const environments = await db.environment.findMany({ where: { workspaceId: options.workspaceId }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, deployRole: true, requiresApproval: true } });
  return environments.map((environment) => ({ ...environment, canDeploy: canDeployTo(options.ability, environment) }));
}

/**
 * One lane per environment for a graph: what runs there (stable version, and a candidate with its share and rules),
 * since when and deployed by whom, and the webhook and schedule triggers that belong to the environment.
 */
export async function listDeploymentLanes(db: TDb, options: { workspaceId: string; graphId: string; ability: TWorkspaceAbility }) {
  await findGraphOrThrow(db, options, { id: true });
  const environments = await listEnvironments(db, options);
  const deployments = await db.deployment.findMany({
    where: { graphId: options.graphId, workspaceId: options.workspaceId },
    select: {
      ...DEPLOYMENT_SELECT,
      environmentId: true,
      deployedById: true,
      stableVersion: { select: { number: true, message: true } },
      candidateVersion: { select: { number: true, message: true } },
    },
  });
  const triggers = await db.trigger.findMany({ where: { graphId: options.graphId, workspaceId: options.workspaceId, isEnabled: true }, select: { environmentId: true, kind: true, nodeId: true } });
  const deployerIds = deployments.flatMap((deployment) => (deployment.deployedById ? [deployment.deployedById] : []));
  const deployers = await db.user.findMany({ where: { id: { in: deployerIds } }, select: { id: true, ...PERSON.select } });
  return environments.map((environment) => {
    const deployment = deployments.find((candidate) => candidate.environmentId === environment.id);
    const deployer = deployers.find((user) => user.id === deployment?.deployedById);
    return {
      environment: environment.name,
      deployRole: environment.deployRole,
      requiresApproval: environment.requiresApproval,
      canDeploy: environment.canDeploy,
      triggers: triggers.filter((trigger) => trigger.environmentId === environment.id).map(({ kind, nodeId }) => ({ kind, nodeId })),
      deployment: deployment
        ? {
            stable: deployment.stableVersion,
            candidate: deployment.candidateVersion,
            candidateShare: deployment.candidateShare,
            canaryStartedAt: deployment.canaryStartedAt,
            rules: { minRuns: deployment.minRuns, maxErrorRateIncrease: deployment.maxErrorRateIncrease, maxCostIncrease: deployment.maxCostIncrease, autoPromote: deployment.autoPromote },
            deployedAt: deployment.deployedAt,
            deployedBy: deployer ? deployer.name || deployer.email : null,
          }
        : null,
    };
  });
}
