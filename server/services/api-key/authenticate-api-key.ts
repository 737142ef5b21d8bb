import { lowerRole } from "@/lib/auth/access-rights";
import type { TApiKeyPrincipal } from "../../auth/principal";
import type { TDbOrTx } from "../../db/client";
import { hashApiKey, isApiKeyShaped } from "./api-key-token";

const GRAPH_KEY_CEILING = "operator" as const;

/** `lastUsedAt` is a hint for admins, not an audit trail: one write a minute per key at most. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The principal a key stands for, or null when it is unknown, revoked, expired, or its creator is no longer a member
 * of the workspace. The key is capped at its creator's current role, so demoting or removing a member demotes or
 * ends their keys too. The key is looked up by its sha256 and never logged.
 */
export async function authenticateApiKey(db: TDbOrTx, options: { key: string; now?: Date }): Promise<TApiKeyPrincipal | null> {
  if (!isApiKeyShaped(options.key)) return null;
  const now = options.now ?? new Date();
  const row = await db.apiKey.findUnique({
    where: { hash: hashApiKey(options.key) },
    select: { id: true, workspaceId: true, role: true, graphIds: true, scopes: true, createdById: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now.getTime())) return null;
  const creator = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: row.workspaceId, userId: row.createdById } },
    select: { role: true, workspace: { select: { allowUnsignedPlugins: true } } },
  });
  if (!creator) return null;

  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt <= staleBefore) {
    // Conditional, so concurrent requests of one key write once.
    await db.apiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  const role = lowerRole(row.role, creator.role);
  // A key limited to graphs runs and reads them but cannot edit them: an edit could add a Sub-graph node that reaches
  // another graph of the workspace.
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    role: row.graphIds.length > 0 ? lowerRole(role, GRAPH_KEY_CEILING) : role,
    graphIds: row.graphIds,
    expiresAt: row.expiresAt,
    scopes: row.scopes,
    allowUnsignedPlugins: creator.workspace.allowUnsignedPlugins,
    actorId: row.createdById,
  };
}
