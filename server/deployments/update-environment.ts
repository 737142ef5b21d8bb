import type { TRole } from "@/lib/auth/access-rights";
import { AppError } from "../app-error";
import type { TDb } from "../db/client";
import { Prisma } from "../db/generated/client";
import { checkDeployRole, checkEnvironmentName, checkMayEdit, DEFAULT_ENVIRONMENT } from "./environment-rules";
import { ENVIRONMENT_SELECT, findEnvironmentOrThrow } from "./find-environment";

export type TEnvironmentChanges = { name?: string; deployRole?: TRole; requiresApproval?: boolean };

/**
 * Renames an environment, or changes who may deploy there and whether a deploy needs a second person. Triggers, keys,
 * deployments and secret values refer to it by id, so a rename moves nothing. An environment reserved for a role above
 * the caller's stays as it is.
 */
export async function updateEnvironment(db: TDb, options: { workspaceId: string; environment: string; changes: TEnvironmentChanges; actorRole: TRole }) {
  const environment = await findEnvironmentOrThrow(db, options);
  const { name, deployRole, requiresApproval } = options.changes;
  checkMayEdit(environment, options.actorRole);
  if (deployRole) checkDeployRole(deployRole, options.actorRole);
  if (name !== undefined && name !== environment.name) {
    checkEnvironmentName(name);
    if (environment.name === DEFAULT_ENVIRONMENT) {
      throw new AppError("BAD_REQUEST", `${DEFAULT_ENVIRONMENT} cannot be renamed: new triggers and API keys join it by that name`);
    }
  }
  try {
    return await db.environment.update({ where: { id: environment.id }, data: { name, deployRole, requiresApproval }, select: ENVIRONMENT_SELECT });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `An environment named ${name} already exists`);
    }
    throw error;
  }
}
