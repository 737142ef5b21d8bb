import { z } from "zod";
import { ZWorkspaceId } from "../../trpc";
import { DEPLOY_ROLES, ENVIRONMENT_NAME_PATTERN, ENVIRONMENT_NAME_RULE } from "../../../deployments/environment-rules";

// Inputs of the environment procedures (server/deployments/README.md, "Environments").
const ZEnvironmentName = z.string().trim().toLowerCase().regex(ENVIRONMENT_NAME_PATTERN, ENVIRONMENT_NAME_RULE);
/** An existing environment, named as the deployment procedures name it. */
const ZExistingEnvironment = z.string().trim().toLowerCase().min(1).max(40);

export const ZCreateEnvironmentInput = z
  .object({ workspaceId: ZWorkspaceId, name: ZEnvironmentName, deployRole: z.enum(DEPLOY_ROLES).default("editor"), requiresApproval: z.boolean().default(false) })
  .strict();
export const ZUpdateEnvironmentInput = z
  .object({
    workspaceId: ZWorkspaceId,
    environment: ZExistingEnvironment,
    name: ZEnvironmentName.optional(),
    deployRole: z.enum(DEPLOY_ROLES).optional(),
    requiresApproval: z.boolean().optional(),
  })
  .strict();
export const ZDeleteEnvironmentInput = z.object({ workspaceId: ZWorkspaceId, environment: ZExistingEnvironment }).strict();
