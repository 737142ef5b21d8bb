import type { TWorkspaceAbility } from "@/lib/auth/abilities";
import type { TDbOrTx } from "../../db/client";
import { API_KEY_SUMMARY_SELECT, toApiKeySummaries, type TApiKeySummary } from "./api-key-summary";

/** Newest first, revoked and expired keys included, so an admin sees what existed and when it stopped. */
export async function listApiKeys(db: TDbOrTx, options: { workspaceId: string; viewer: TWorkspaceAbility }): Promise<TApiKeySummary[]> {
  const rows = await db.apiKey.findMany({
    where: { workspaceId: options.workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: API_KEY_SUMMARY_SELECT,
  });
  return toApiKeySummaries(db, rows, options.viewer);
}
