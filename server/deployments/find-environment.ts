import { notFound } from "../app-error";
import type { TDbOrTx } from "../db/client";

export const ENVIRONMENT_SELECT = { id: true, name: true, deployRole: true, requiresApproval: true, position: true } as const;

/** An environment of the workspace by name; another workspace's and a missing one answer alike (NOT_FOUND). */
export async function findEnvironmentOrThrow(db: TDbOrTx, options: { workspaceId: string; environment: string }) {
  const environment = await db.environment.findUnique({
    where: { workspaceId_name: { workspaceId: options.workspaceId, name: options.environment } },
    select: ENVIRONMENT_SELECT,
  });
  if (!environment) throw notFound(`Environment "${options.environment}"`);
  return environment;
}
