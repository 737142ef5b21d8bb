import type { TTriggerKind } from "@/lib/triggers";
import type { TDbOrTx } from "../../db/client";
import { findGraphOrThrow } from "../graph/find-graph";

/** A graph's triggers for the editor: what fires, whether it is active, when it fired and fires next. Never a token. */
export async function listTriggers(db: TDbOrTx, options: { workspaceId: string; graphId: string }) {
  await findGraphOrThrow(db, options, { id: true });
  const rows = await db.trigger.findMany({
    where: { workspaceId: options.workspaceId, graphId: options.graphId },
    select: { id: true, kind: true, nodeId: true, tokenHash: true, tokenHint: true, cron: true, timezone: true, isEnabled: true, lastFiredAt: true, nextFireAt: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(({ tokenHash, ...row }) => ({ ...row, kind: row.kind as TTriggerKind, hasToken: tokenHash !== null }));
}
