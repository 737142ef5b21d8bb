import { z } from "zod";
import { ROLES, SCOPES } from "@/lib/auth/access-rights";
import { ZWorkspaceId } from "../../trpc";

// Inputs and outputs of the API key procedures. The key itself appears in exactly one output, once: create's answer.
export const ZListApiKeysInput = z.object({ workspaceId: ZWorkspaceId }).strict();
export const ZCreateApiKeyInput = z
  .object({
    workspaceId: ZWorkspaceId,
    name: z.string().trim().min(1).max(100),
    /** What the key may do; at most the creator's own role. */
    role: z.enum(ROLES),
    /** What the key may do, within its role's scopes; omitted: all of them. */
    scopes: z.array(z.enum(SCOPES)).min(1).max(SCOPES.length).optional(),
    /** Limit the key to these graphs and their runs. */
    graphIds: z.array(z.string().min(1).max(64)).min(1).max(50).optional(),
    expiresAt: z.iso.datetime({ offset: true }).max(40).optional(),
    /** The environment whose deployments the key's runs use; omitted: production. */
    environment: z.string().trim().toLowerCase().min(1).max(40).optional(),
  })
  .strict();
export const ZRevokeApiKeyInput = z.object({ workspaceId: ZWorkspaceId, apiKeyId: z.string().min(1).max(64) }).strict();

/** Output schema as a second guard: whatever a service returns, only these fields reach the browser. */
export const ZApiKeySummary = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  scopes: z.array(z.string()),
  prefix: z.string(),
  graphs: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
  createdBy: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  environment: z.string().nullable(),
});

export const ZCreatedApiKey = z.object({ apiKey: ZApiKeySummary, key: z.string() });
