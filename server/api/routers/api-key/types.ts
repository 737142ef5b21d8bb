import { z } from "zod";
import { ROLES } from "@/lib/auth/access-rights";
import { ZWorkspaceId } from "../../trpc";

// Inputs and outputs of the API key procedures. The key itself appears in exactly one output, once: create's answer.
export const ZListApiKeysInput = z.object({ workspaceId: ZWorkspaceId }).strict();
export const ZCreateApiKeyInput = z
  .object({
    workspaceId: ZWorkspaceId,
    name: z.string().trim().min(1).max(100),
    /** What the key may do; at most the creator's own role. */
    role: z.enum(ROLES),
    /** Limit the key to this graph and its runs. */
    graphId: z.string().min(1).max(64).optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export const ZRevokeApiKeyInput = z.object({ workspaceId: ZWorkspaceId, apiKeyId: z.string().min(1).max(64) }).strict();

/** Output schema as a second guard: whatever a service returns, only these fields reach the browser. */
export const ZApiKeySummary = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  prefix: z.string(),
  graph: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdBy: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const ZCreatedApiKey = z.object({ apiKey: ZApiKeySummary, key: z.string() });
