import { isRoleAtMost, type TRole } from "@/lib/auth/access-rights";
import { AppError } from "../app-error";

/**
 * New triggers and API keys join the environment of this name (the database's `studio_default_to_production`), so it
 * can be neither renamed nor deleted.
 */
export const DEFAULT_ENVIRONMENT = "production";

export const ENVIRONMENT_NAME_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
export const ENVIRONMENT_NAME_RULE = "An environment name is 1 to 40 lowercase letters, digits or dashes, starting with a letter";

/** The roles an environment can reserve deploys for: whoever may publish (editor) and up. */
export const DEPLOY_ROLES = ["editor", "admin", "owner"] as const satisfies readonly TRole[];
export type TDeployRole = (typeof DEPLOY_ROLES)[number];

export function checkEnvironmentName(name: string): void {
  if (!ENVIRONMENT_NAME_PATTERN.test(name)) throw new AppError("BAD_REQUEST", ENVIRONMENT_NAME_RULE);
}

/** An environment reserved for a role above the caller's is theirs to change, not the caller's. */
export function checkMayEdit(environment: { name: string; deployRole: TRole }, actorRole: TRole): void {
  if (!isRoleAtMost(environment.deployRole, actorRole)) {
    throw new AppError("FORBIDDEN", `${environment.name} is reserved for the ${environment.deployRole} role: only they change it`);
  }
}

/** An admin cannot reserve deploys for owners: nobody may lock themselves out of an environment they set up. */
export function checkDeployRole(deployRole: TRole, actorRole: TRole): void {
  if (!isRoleAtMost(deployRole, actorRole)) {
    throw new AppError("FORBIDDEN", `Deploys cannot be reserved for a role above your own (${actorRole})`);
  }
}
