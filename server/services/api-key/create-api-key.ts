import { AppError } from "../../app-error";
import { isRoleAtMost, type TRole } from "@/lib/auth/access-rights";
import type { TDbOrTx } from "../../db/client";
import { findGraphOrThrow } from "../graph/find-graph";
import { generateApiKey } from "./api-key-token";
import { API_KEY_SUMMARY_SELECT, toApiKeySummary, type TApiKeySummary } from "./api-key-summary";

/**
 * Issues a key of the workspace, at most as powerful as its creator (`actorRole`), optionally limited to one graph of
 * this workspace. The answer holds the key itself: the only time it leaves the server.
 */
export async function createApiKey(
  db: TDbOrTx,
  options: { workspaceId: string; actorId: string; actorRole: TRole; name: string; role: TRole; graphId?: string; expiresAt?: Date; now?: Date },
): Promise<{ apiKey: TApiKeySummary; key: string }> {
  const { workspaceId, role } = options;
  const name = options.name.trim();
  if (!name) throw new AppError("BAD_REQUEST", "Give the key a name");
  if (!isRoleAtMost(role, options.actorRole)) {
    throw new AppError("FORBIDDEN", `A key's role cannot be above your own (${options.actorRole})`);
  }
  if (options.expiresAt && options.expiresAt.getTime() <= (options.now ?? new Date()).getTime()) {
    throw new AppError("BAD_REQUEST", "The expiry date must be in the future");
  }
  if (options.graphId) await findGraphOrThrow(db, { workspaceId, graphId: options.graphId }, { id: true });

  const { key, prefix, hash } = generateApiKey();
  const row = await db.apiKey.create({
    data: { workspaceId, name, role, graphId: options.graphId ?? null, prefix, hash, createdById: options.actorId, expiresAt: options.expiresAt ?? null },
    select: API_KEY_SUMMARY_SELECT,
  });
  return { apiKey: toApiKeySummary(row), key };
}
