import { canDeployTo, type TWorkspaceAbility } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import { AppError, notFound } from "../app-error";
import type { TDbOrTx } from "../db/client";
import { findGraphOrThrow } from "../services/graph/find-graph";

export const DEPLOYMENT_SELECT = {
  id: true,
  stableVersionId: true,
  candidateVersionId: true,
  candidateShare: true,
  canaryStartedAt: true,
  minRuns: true,
  maxErrorRateIncrease: true,
  maxCostIncrease: true,
  autoPromote: true,
  deployedAt: true,
  stableVersion: { select: { number: true } },
  candidateVersion: { select: { number: true } },
} as const;

/**
 * A graph of the workspace and one of its environments (by name), with the graph's deployment there (or null). A
 * foreign or deleted graph and an unknown environment answer NOT_FOUND.
 */
export async function findDeploymentTarget(db: TDbOrTx, options: { workspaceId: string; graphId: string; environment: string }) {
  await findGraphOrThrow(db, options, { id: true });
  const environment = await db.environment.findUnique({
    where: { workspaceId_name: { workspaceId: options.workspaceId, name: options.environment } },
    select: { id: true, name: true, deployRole: true },
  });
  if (!environment) throw notFound(`Environment "${options.environment}"`);
  const deployment = await db.deployment.findUnique({ where: { graphId_environmentId: { graphId: options.graphId, environmentId: environment.id } }, select: DEPLOYMENT_SELECT });
  return { environment, deployment };
}

/** The policy's deploy rule (lib/auth/abilities.ts) for this environment; refused with the role it needs. */
export function checkMayDeploy(ability: TWorkspaceAbility, environment: { name: string; deployRole: TRole }, role: TRole): void {
  if (canDeployTo(ability, environment)) return;
  throw new AppError("FORBIDDEN", `Deploying to ${environment.name} needs the ${environment.deployRole} role or above (yours: ${role})`);
}

export async function findVersionOrThrow(db: TDbOrTx, options: { graphId: string; number: number }) {
  const version = await db.graphVersion.findUnique({ where: { graphId_number: { graphId: options.graphId, number: options.number } }, select: { id: true, number: true } });
  if (!version) throw notFound(`Version ${options.number}`);
  return version;
}
