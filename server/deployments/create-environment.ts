import type { TRole } from "@/lib/auth/access-rights";
import { AppError } from "../app-error";
import type { TDb } from "../db/client";
import { Prisma } from "../db/generated/client";
import { checkDeployRole, checkEnvironmentName } from "./environment-rules";
import { ENVIRONMENT_SELECT } from "./find-environment";

/** A new environment, as the last lane; its deploy role at most the creator's own. */
export async function createEnvironment(
  db: TDb,
  options: { workspaceId: string; name: string; deployRole: TRole; requiresApproval: boolean; actorRole: TRole },
) {
  checkEnvironmentName(options.name);
  checkDeployRole(options.deployRole, options.actorRole);
  const last = await db.environment.aggregate({ where: { workspaceId: options.workspaceId }, _max: { position: true } });
  try {
    return await db.environment.create({
      data: { workspaceId: options.workspaceId, name: options.name, deployRole: options.deployRole, requiresApproval: options.requiresApproval, position: (last._max.position ?? -1) + 1 },
      select: ENVIRONMENT_SELECT,
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `An environment named ${options.name} already exists`);
    }
    throw error;
  }
}
