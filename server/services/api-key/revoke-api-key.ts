import type { TWorkspaceAbility } from "@/lib/auth/abilities";
import { notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { API_KEY_SUMMARY_SELECT, toApiKeySummaries, type TApiKeySummary } from "./api-key-summary";

/**
 * Revokes a key of this workspace (another workspace's key is NOT_FOUND). Its next request is refused, and
 * `apiKey.revoked` disconnects the sockets it has open. Revoking a revoked key keeps the first revocation time.
 */
export async function revokeApiKey(db: TDbOrTx, options: { workspaceId: string; apiKeyId: string; viewer: TWorkspaceAbility; now?: Date }): Promise<TApiKeySummary> {
  const { workspaceId, apiKeyId } = options;
  const { count } = await db.apiKey.updateMany({ where: { id: apiKeyId, workspaceId, revokedAt: null }, data: { revokedAt: options.now ?? new Date() } });
  const row = await db.apiKey.findFirst({ where: { id: apiKeyId, workspaceId }, select: API_KEY_SUMMARY_SELECT });
  if (!row) throw notFound("API key");
  if (count > 0) studioEvents.emit("apiKey.revoked", { workspaceId, apiKeyId });
  const [summary] = await toApiKeySummaries(db, [row], options.viewer);
  return summary!;
}
