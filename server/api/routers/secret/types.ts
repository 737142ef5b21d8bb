import { z } from "zod";
import { MAX_SECRET_VALUE_BYTES, SECRET_NAME_PATTERN, SECRET_NAME_RULE } from "../../../secrets/secret-rules";
import { ZWorkspaceId } from "../../trpc";

// Inputs and outputs of the secret procedures. The value's exact limits (minimum length, size in bytes) are checked by
// create-secret.ts; the bound here only stops an oversized body before it reaches the service.
const ZSecretName = z.string().regex(SECRET_NAME_PATTERN, SECRET_NAME_RULE);

export const ZListSecretsInput = z.object({ workspaceId: ZWorkspaceId }).strict();
export const ZCreateSecretInput = z
  .object({
    workspaceId: ZWorkspaceId,
    name: ZSecretName,
    value: z.string().max(MAX_SECRET_VALUE_BYTES),
    /** Replace the value of an existing secret instead of answering CONFLICT. */
    overwrite: z.boolean().default(false),
  })
  .strict();
export const ZDeleteSecretInput = z.object({ workspaceId: ZWorkspaceId, name: ZSecretName }).strict();
const ZEnvironment = z.string().trim().toLowerCase().min(1).max(40);
export const ZSetEnvironmentValueInput = z
  .object({ workspaceId: ZWorkspaceId, name: ZSecretName, environment: ZEnvironment, value: z.string().max(MAX_SECRET_VALUE_BYTES) })
  .strict();
export const ZClearEnvironmentValueInput = z.object({ workspaceId: ZWorkspaceId, name: ZSecretName, environment: ZEnvironment }).strict();

/** Output schema as a second guard: whatever a service returns, only these fields reach the browser. */
export const ZSecretSummary = z.object({
  id: z.string(),
  name: z.string(),
  mask: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** A list entry: the summary and each environment's own value, as a mask. */
export const ZSecretListEntry = ZSecretSummary.extend({
  overrides: z.array(z.object({ environment: z.string(), mask: z.string(), updatedAt: z.date() })),
});

export const ZEnvironmentValueSummary = z.object({ name: z.string(), environment: z.string(), mask: z.string(), updatedAt: z.date() });
